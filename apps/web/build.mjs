// Builds the web UI into dist/apps/web: index.html, static/app.js (one bundle,
// Preact included) and static/app.css. The frontend serves these files.
// With --watch (nx serve web) it rebuilds on every change; a frontend in
// development serves the new files on the next page load.
import { context } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, watchFile } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'dist', 'apps', 'web');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'static'), { recursive: true });

const watch = process.argv.includes('--watch');
const copyStatic = () => {
  copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
  copyFileSync(join(here, 'src', 'styles.css'), join(out, 'static', 'app.css'));
  copyFileSync(join(here, 'src', 'favicon.svg'), join(out, 'static', 'favicon.svg'));
};
const builder = await context({
  entryPoints: [join(here, 'src', 'main.tsx')],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2022'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outfile: join(out, 'static', 'app.js'),
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [{ name: 'copy-static', setup: (b) => b.onEnd(copyStatic) }],
});
if (watch) {
  await builder.watch();
  watchFile(join(here, 'src', 'styles.css'), { interval: 500 }, copyStatic);
  watchFile(join(here, 'src', 'index.html'), { interval: 500 }, copyStatic);
  console.log(`web UI: watching apps/web/src, building into ${out} (Ctrl-C stops)`);
} else {
  await builder.rebuild();
  await builder.dispose();
  console.log(`web UI built into ${out}`);
}
