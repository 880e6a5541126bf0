// Builds the web UI into dist/apps/web: index.html, static/app.js (one bundle,
// Preact included) and static/app.css. The frontend serves these files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'dist', 'apps', 'web');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'static'), { recursive: true });

await build({
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
});
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
copyFileSync(join(here, 'src', 'styles.css'), join(out, 'static', 'app.css'));
console.log(`web UI built into ${out}`);
