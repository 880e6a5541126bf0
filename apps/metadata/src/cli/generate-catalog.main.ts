/**
 * npm run generate-catalog -- --tables 100000 --users 1000 --out FILE [--seed 42]
 * Writes a synthetic catalog for benchmarks, in the format `npm run ingest` reads.
 */
import { writeFileSync } from 'node:fs';
import { generateCatalog } from '@fram/catalog-tools';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} must be a whole number\n`);
    process.exit(2);
  }
  return value;
};
const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : undefined;
if (!out) {
  process.stderr.write('usage: npm run generate-catalog -- --tables N --users N --out FILE [--seed N]\n');
  process.exit(2);
}
const { tableKeys, ...catalog } = generateCatalog({ tables: arg('tables', 1000), users: arg('users', 100), seed: arg('seed', 42) });
writeFileSync(out, JSON.stringify(catalog));
process.stdout.write(
  `Wrote ${catalog.tables.length} tables, ${catalog.users.length} users and ${catalog.reads.length} reads (${tableKeys.length} keys) to ${out}\n`,
);
