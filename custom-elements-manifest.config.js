// custom-elements.json is generated from the JSDoc on each element class (the
// CLI and the output layer are tools, not the elements' API, and stay out):
// `npm run analyze`. A Node test fails when the committed file is stale.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/cli/**', 'src/output/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json's customElements field is written by hand: the drift check writes elsewhere.
  packagejson: false,
};
