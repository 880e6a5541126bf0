/**
 * npm run ingest -- FILE
 *
 * Sends a catalog file (users, tables, reads) to the metadata service with a
 * client_credentials token, showing progress. Environment:
 *   METADATA_URL            default http://127.0.0.1:5002
 *   TOKEN                   a bearer token to use as it is, or else:
 *   OIDC_ISSUER             default the development IdP
 *   INGEST_CLIENT_ID        default fram-scripts (dev-idp's client for scripts)
 *   INGEST_CLIENT_SECRET    default its development secret
 *   INGEST_SCOPES           default admin:system read:data write:data
 */
import { scriptToken, TokenError, ingestCatalog, IngestError, readCatalogFile } from '@fram/catalog-tools';

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
        `\r${kind.padEnd(10)} ${'#'.repeat(filled)}${'.'.repeat(width - filled)} ${done}/${total}${done === total ? '\n' : ''}`,
      );
    },
  });
  process.stdout.write(
    `Ingested ${counts.users} users, ${counts.tables} tables, ${counts.dashboards} dashboards, ${counts.lineage} lineage edges and ${counts.reads} reads ` +
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
