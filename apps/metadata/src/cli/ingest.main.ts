/**
 * npm run ingest -- FILE | dbt TARGET_DIR | databuilder DIR | postgres URL | mysql URL [--dry-run]
 *
 * Reads a source (a Fram catalog file, a dbt project's artifacts, Amundsen
 * databuilder's FsNeo4jCSVLoader output, or a live PostgreSQL or MySQL database:
 * see ingest-sources.ts and --help),
 * then sends it to the metadata service in batches with a client_credentials
 * token, showing progress (a bar on a terminal, plain lines in a log). Whatever cannot be read stops it before anything
 * is sent (exit code 2); a failure while sending is exit code 1. Environment:
 *   METADATA_URL            default http://127.0.0.1:5002
 *   TOKEN                   a bearer token to use as it is, or else:
 *   OIDC_ISSUER             default the development IdP
 *   INGEST_CLIENT_ID        default fram-scripts (dev-idp's client for scripts)
 *   INGEST_CLIENT_SECRET    default its development secret
 *   INGEST_SCOPES           default admin:system read:data write:data
 *   INGEST_DATABASE_URL     postgres's or mysql's URL when the command line leaves it out (not in ps)
 */
import { ConfigError } from '@fram/config';
import {
  CATALOG_KINDS,
  CsvError,
  DatabaseSourceError,
  DatabuilderError,
  DbtArtifactError,
  scriptToken,
  TokenError,
  ingestCatalog,
  IngestError,
  type CatalogFile,
  type CatalogKind,
} from '@fram/catalog-tools';
import { progressReporter } from './ingest-progress';
import { ingestCommand, UsageError, type SourceRead } from './ingest-sources';

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

/** Warnings printed in full; the rest are counted. */
const WARNINGS_SHOWN = 20;

/** Exit codes: what a scheduler can act on. */
const EXIT = { done: 0, sendFailed: 1, nothingSent: 2 } as const;

/** Reading a source: what cannot be read is a message and exit code 2, nothing is sent. */
async function readSource(read: () => SourceRead | Promise<SourceRead>): Promise<SourceRead | string> {
  try {
    return await read();
  } catch (error) {
    if (
      error instanceof DbtArtifactError ||
      error instanceof DatabuilderError ||
      error instanceof CsvError ||
      error instanceof DatabaseSourceError ||
      error instanceof IngestError
    ) {
      return error.message;
    }
    throw error;
  }
}

function printWarnings(warnings: string[]): void {
  if (warnings.length === 0) return;
  process.stderr.write(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (not imported or incomplete):\n`);
  for (const warning of warnings.slice(0, WARNINGS_SHOWN)) process.stderr.write(`  ${warning}\n`);
  if (warnings.length > WARNINGS_SHOWN) process.stderr.write(`  ... and ${warnings.length - WARNINGS_SHOWN} more\n`);
}

/** The kinds the catalog has, even when empty, so that the summary says what arrived of everything given. */
const givenKinds = (catalog: CatalogFile) => CATALOG_KINDS.filter((kind) => catalog[kind] !== undefined);

async function main(argv: string[]): Promise<number> {
  let command: ReturnType<typeof ingestCommand>;
  try {
    command = ingestCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message.trimEnd()}\n`);
    return EXIT.nothingSent;
  }
  if ('help' in command) {
    process.stdout.write(command.help);
    return EXIT.done;
  }
  const source = await readSource(command.read);
  if (typeof source === 'string') {
    process.stderr.write(`ingest: nothing sent: ${source}\n`);
    return EXIT.nothingSent;
  }
  const { catalog, warnings, summary } = source;
  process.stderr.write(`Read ${summary}\n`);
  printWarnings(warnings);
  if (command.dryRun) {
    const counts = givenKinds(catalog).map((kind) => `${catalog[kind]?.length ?? 0} ${COUNTED[kind]}`);
    process.stdout.write(`Dry run: would send ${counts.length > 0 ? listed(counts) : 'nothing'}; nothing sent\n`);
    return EXIT.done;
  }
  const env = process.env;
  const metadataUrl = env['METADATA_URL'] ?? 'http://127.0.0.1:5002';
  let token: () => Promise<string>;
  try {
    token = scriptToken(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`ingest: nothing sent: ${error.message}\n`);
    return EXIT.nothingSent;
  }
  const started = Date.now();
  const counts = await ingestCatalog(catalog, {
    metadataUrl,
    token,
    progress: progressReporter(process.stderr),
  });
  process.stdout.write(
    `Ingested ${listed(givenKinds(catalog).map((kind) => `${counts[kind]} ${COUNTED[kind]}`))} ` +
      `into ${metadataUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return EXIT.done;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `\ningest failed: ${error instanceof IngestError || error instanceof TokenError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.sendFailed;
  },
);
