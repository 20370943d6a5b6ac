// The package's index.d.ts re-exports './browser/commands.mjs', which has no .d.mts beside it, so TypeScript finds no types.
export {};

declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline called `name`. */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
