/**
 * Whether Lit could create its Trusted Types policy (`lit-html`). The
 * script-tag builds wrap Lit's `createPolicy` call (see scripts/build/trusted-types-guard.ts) so a
 * page whose `trusted-types` list omits the name gets no exception: the call
 * reports the refusal here, and `defineElement` then defines nothing.
 */
let refused: string | undefined;

/** Called by the wrapped `createPolicy` when the page refuses the policy `name`. */
export function policyRefused(name: string): void {
  refused = name;
}

/** The policy name the page refused, if any. */
export function refusedPolicy(): string | undefined {
  return refused;
}
