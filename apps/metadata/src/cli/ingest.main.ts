/**
 * npm run ingest -- FILE
 *
 * Sends a catalog file (users, tables, dashboards, features, lineage, column
 * lineage, feature lineage, reads: see the README's "Load a catalog") to the
 * metadata service in batches with a client_credentials token, showing
 * progress. A key the file format does not have stops it before anything is
 * sent. Environment:
 *   METADATA_URL            default http://127.0.0.1:5002
 *   TOKEN                   a bearer token to use as it is, or else:
 *   OIDC_ISSUER             default the development IdP
 *   INGEST_CLIENT_ID        default fram-scripts (dev-idp's client for scripts)
 *   INGEST_CLIENT_SECRET    default its development secret
 *   INGEST_SCOPES           default admin:system read:data write:data
 */
import { CATALOG_KINDS, scriptToken, TokenError, ingestCatalog, IngestError, readCatalogFile, type CatalogKind } from '@fram/catalog-tools';

/** How each kind is counted in the summary. */
const COUNTED: Record<CatalogKind, string> = {
  users: 'users',
  tables: 'tables',
  dashboards: 'dashboards',
  features: 'features',
  lineage: 'lineage edges',
  column_lineage: 'column lineage edges',
  feature_lineage: 'feature lineage edges',
  reads: 'reads',
};

/** `1, 2 and 3` */
const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join(''));

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file || argv.includes('--help')) {
    process.stderr.write('usage: npm run ingest -- FILE   (see the README: "Load a catalog")\n');
    return file ? 0 : 2;
  }
  const env = process.env;
  const metadataUrl = env['METADATA_URL'] ?? 'http://127.0.0.1:5002';
  const token = scriptToken(env);
  const started = Date.now();
  const catalog = readCatalogFile(file);
  const counts = await ingestCatalog(catalog, {
    metadataUrl,
    token,
    progress: (kind, done, total) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r${kind.padEnd(15)} ${'#'.repeat(filled)}${'.'.repeat(width - filled)} ${done}/${total}${done === total ? '\n' : ''}`,
      );
    },
  });
  // The kinds the file has, even when empty, so that the summary says what arrived of everything given.
  const given = CATALOG_KINDS.filter((kind) => catalog[kind] !== undefined);
  process.stdout.write(
    `Ingested ${listed(given.map((kind) => `${counts[kind]} ${COUNTED[kind]}`))} ` +
      `into ${metadataUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `\ningest failed: ${error instanceof IngestError || error instanceof TokenError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
