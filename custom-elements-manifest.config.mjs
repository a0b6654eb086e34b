/** Settings for `cem analyze`: the manifest describes the public elements of src/elements/. */
export default {
  globs: ['src/elements/geo-story*.ts'],
  exclude: ['src/**/*.test.ts', 'src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; a run with another --outdir must not rewrite it.
  packagejson: false,
};
