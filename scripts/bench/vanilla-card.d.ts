// Types of vanilla-card.js, the benchmark's hand-written baseline (plain JS, served as is).
export function renderTherapy(therapy: object, bundle: object, baseUrl: string): string;
export function defineVanillaCard(cssText: string, bundleUrl: string): void;
