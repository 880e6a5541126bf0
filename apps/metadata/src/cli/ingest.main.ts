/**
 * npm run ingest -- FILE | dbt TARGET_DIR | databuilder DIR | postgres URL | mysql URL [options]
 *
 * Reads a source (a Fram catalog file, a dbt project's artifacts, Amundsen
 * databuilder's FsNeo4jCSVLoader output, or a live PostgreSQL or MySQL database:
 * see ingest-sources.ts and --help), checks each record as Fram would, then sends it to the metadata service in
 * batches with a client_credentials token, showing progress (a bar on a terminal, plain lines in a log).
 *
 * A named source (every source but a plain file, or --source NAME) is sent as a run of that source
 * (POST /ingest/runs), finished only once everything was sent: finishing removes what the source sent before and no
 * longer has, within --max-removal. A dry run compares with the source's records in Fram (GET /ingest/records).
 * Whatever cannot be read stops it before anything is sent (exit code 2); a failure while sending (nothing removed)
 * or removals over the limit (sent, nothing removed) are exit code 1. Environment:
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
  checkedCatalog,
  finishIngestRun,
  ingestCatalog,
  IngestError,
  RemovalLimitError,
  scriptToken,
  SourceReadError,
  sourceDiff,
  sourceLedger,
  startIngestRun,
  TokenError,
  type CatalogFile,
  type CatalogKind,
  type LeftOutRecord,
  type MetadataConnection,
} from '@fram/catalog-tools';
import type { IngestLedgerRecord, IngestRecordKind } from '@fram/models';
import { progressReporter } from './ingest-progress';
import { COUNTED, dryRunText, heldBackText, listed, removedText } from './ingest-report';
import { ingestCommand, UsageError, type RunOptions, type SourceRead } from './ingest-sources';

/** Warnings printed in full; the rest are counted. */
const WARNINGS_SHOWN = 20;

/** Exit codes: what a scheduler can act on. */
const EXIT = { done: 0, failed: 1, nothingSent: 2 } as const;

/** Reading a source: what cannot be read is a message and exit code 2, nothing is sent. */
async function readSource(read: () => SourceRead | Promise<SourceRead>): Promise<SourceRead | string> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SourceReadError) return error.message;
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

/** The left-out records the source sent before (in its ledger): finishing a run would remove their earlier versions as stale. */
function sentBefore(ledger: Record<IngestRecordKind, IngestLedgerRecord[]>, leftOut: LeftOutRecord[]): LeftOutRecord[] {
  const held = new Map(Object.entries(ledger).map(([kind, records]) => [kind, new Set(records.map((record) => record.key))]));
  return leftOut.filter(({ kind, key }) => held.get(kind)?.has(key));
}

async function heldBack(connection: MetadataConnection, source: string, leftOut: LeftOutRecord[]): Promise<LeftOutRecord[]> {
  if (leftOut.length === 0) return [];
  return sentBefore(await sourceLedger(connection, source, [...new Set(leftOut.map((record) => record.kind))]), leftOut);
}

/** A dry run of a named source: what a run would change in Fram, by the source's ledger. */
async function compare(
  connection: MetadataConnection,
  source: string,
  catalog: CatalogFile,
  leftOut: LeftOutRecord[],
  options: RunOptions,
) {
  const ledger = await sourceLedger(connection, source);
  const diffs = sourceDiff(catalog, ledger);
  return dryRunText({
    source,
    diffs,
    keepMissing: options.keepMissing,
    maxRemoval: options.maxRemoval,
    heldBack: sentBefore(ledger, leftOut),
  });
}

/**
 * Sends the catalog, as a run of `source` when there is one, and finishes the run (removing what the source no
 * longer has) only once everything was sent, unless --keep-missing or left-out records hold removals back.
 * Answers what was sent, the summary line's end, and when removing was refused (over --max-removal) the service's why.
 */
async function send(
  connection: MetadataConnection,
  catalog: CatalogFile,
  leftOut: LeftOutRecord[],
  source: string | undefined,
  options: RunOptions,
): Promise<{ counts: Record<CatalogKind, number>; removal: string; refused?: string }> {
  const progress = progressReporter(process.stderr);
  if (source === undefined) {
    return { counts: await ingestCatalog(catalog, { ...connection, progress }), removal: '' };
  }
  const { run } = await startIngestRun(connection, source);
  let counts: Record<CatalogKind, number>;
  try {
    counts = await ingestCatalog(catalog, { ...connection, progress, run });
  } catch (error) {
    // Whatever stopped the sending (a refusal, the service gone), removing now would remove what was not sent yet.
    process.stderr.write(`Nothing removed: the run of ${source} is left unfinished.\n`);
    throw error;
  }
  if (options.keepMissing) return { counts, removal: `; nothing removed from ${source} (--keep-missing)` };
  const held = await heldBack(connection, source, leftOut);
  if (held.length > 0) {
    process.stderr.write(`${heldBackText(source, held, 'was')}\n`);
    return { counts, removal: `; nothing removed from ${source}: records it sent before were left out` };
  }
  try {
    const finished = await finishIngestRun(connection, run, options.maxRemoval);
    return { counts, removal: `; ${removedText(finished, source)}` };
  } catch (error) {
    if (!(error instanceof RemovalLimitError)) throw error;
    return { counts, removal: `; nothing removed from ${source}`, refused: error.message };
  }
}

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
  const { options } = command;
  const read = await readSource(command.read);
  if (typeof read === 'string') {
    process.stderr.write(`ingest: nothing sent: ${read}\n`);
    return EXIT.nothingSent;
  }
  const checked = checkedCatalog(read.catalog);
  const catalog = checked.catalog;
  const leftOut = [...read.leftOut, ...checked.leftOut];
  const source = options.source ?? read.source;
  process.stderr.write(`Read ${read.summary}${source ? ` as ${source}` : ''}\n`);
  printWarnings([...read.warnings, ...checked.warnings]);

  const env = process.env;
  const metadataUrl = env['METADATA_URL'] ?? 'http://127.0.0.1:5002';
  const connection = (): MetadataConnection | undefined => {
    try {
      return { metadataUrl, token: scriptToken(env) };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`ingest: nothing sent: ${error.message}\n`);
      return undefined;
    }
  };

  if (options.dryRun) {
    const counts = givenKinds(catalog).map((kind) => `${catalog[kind]?.length ?? 0} ${COUNTED[kind]}`);
    process.stdout.write(`Dry run: would send ${counts.length > 0 ? listed(counts) : 'nothing'}; nothing sent\n`);
    if (source === undefined) return EXIT.done;
    const to = connection();
    if (!to) return EXIT.nothingSent;
    try {
      process.stdout.write(await compare(to, source, catalog, leftOut, options));
    } catch (error) {
      if (!(error instanceof IngestError || error instanceof TokenError)) throw error;
      process.stderr.write(`ingest: dry run: cannot compare with what Fram holds of ${source}: ${error.message}\n`);
      return EXIT.failed;
    }
    return EXIT.done;
  }

  const to = connection();
  if (!to) return EXIT.nothingSent;
  const started = Date.now();
  const { counts, removal, refused } = await send(to, catalog, leftOut, source, options);
  process.stdout.write(
    `Ingested ${listed(givenKinds(catalog).map((kind) => `${counts[kind]} ${COUNTED[kind]}`))} ` +
      `into ${metadataUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s${removal}\n`,
  );
  if (refused === undefined) return EXIT.done;
  process.stderr.write(
    `ingest: nothing removed: ${refused}.\nIf these removals are meant, run again with a higher --max-removal ` +
      '(up to 100); to send without removing anything, with --keep-missing.\n',
  );
  return EXIT.failed;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `\ningest failed: ${error instanceof IngestError || error instanceof TokenError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.failed;
  },
);
