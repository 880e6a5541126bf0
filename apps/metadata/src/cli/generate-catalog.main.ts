/**
 * npm run generate-catalog -- --tables 100000 --users 1000 --out FILE [--features N] [--seed 42]
 * Writes a synthetic catalog for benchmarks, in the format `npm run ingest` reads: tables, users and
 * reads, and with --features ML features in groups of 20 with lineage between them.
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
  process.stderr.write('usage: npm run generate-catalog -- --tables N --users N --out FILE [--features N] [--seed N]\n');
  process.exit(2);
}
const { tableKeys, ...catalog } = generateCatalog({
  tables: arg('tables', 1000),
  users: arg('users', 100),
  features: arg('features', 0),
  seed: arg('seed', 42),
});
writeFileSync(out, JSON.stringify(catalog));
process.stdout.write(
  `Wrote ${catalog.tables.length} tables, ${catalog.users.length} users, ${catalog.reads.length} reads and ${catalog.features?.length ?? 0} features ` +
    `(${tableKeys.length} table keys) to ${out}\n`,
);
