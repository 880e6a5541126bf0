// Bundles the workspace's scripts (npm start's launcher, the metadata CLI, the
// benchmarks) for Node with esbuild: workspace libraries (@fram/*, resolved
// through tsconfig.base.json's paths) bundled in, npm packages left to
// node_modules. Type checking is the `typecheck` targets' job (npm test).
//
//   node tools/scripts/build.mjs                          every script, into tmp/scripts/<its path>.js
//   node tools/scripts/build.mjs --outdir DIR ENTRY.ts... these, into DIR (tests build their own copy)
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPTS = [
  'tools/start/start.ts',
  'apps/metadata/src/cli/generate-catalog.main.ts',
  'apps/metadata/src/cli/ingest.main.ts',
  'apps/metadata/src/cli/reindex.main.ts',
  'bench/auth/run.ts',
  'bench/auth/express-baseline.ts',
  'bench/frontend/run.ts',
  'bench/ingest/run.ts',
  'bench/metadata/run.ts',
  'bench/search/run.ts',
];

const args = process.argv.slice(2);
const at = args.indexOf('--outdir');
const outdir = at >= 0 ? resolve(args[at + 1]) : join(root, 'tmp', 'scripts');
const entries = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : SCRIPTS;

await build({
  absWorkingDir: root,
  entryPoints: entries.length > 0 ? entries : SCRIPTS,
  outbase: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  tsconfig: join(root, 'tsconfig.base.json'),
  logLevel: 'warning',
});
