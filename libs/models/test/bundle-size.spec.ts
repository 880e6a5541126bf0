import { build } from 'esbuild';

/**
 * The web UI bundles @fram/models for a few functions (parseTableKey). The
 * wire schemas (zod) must stay out of it: libs/models/src/package.json marks
 * the library free of side effects, so a bundler drops what is not used.
 */
describe('bundling @fram/models', () => {
  it('leaves the zod schemas out of a bundle that uses only parseTableKey', async () => {
    const result = await build({
      stdin: {
        contents: "import { parseTableKey } from '../src/index';\nconsole.log(parseTableKey('hive://gold.core/orders'));",
        resolveDir: __dirname,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    expect({ bytes: code.length, schemas: code.includes('TableDocument') }).toEqual({ bytes: expect.any(Number), schemas: false });
    expect(code.length).toBeLessThan(20_000);
  });
});
