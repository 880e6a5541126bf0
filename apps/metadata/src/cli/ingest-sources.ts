import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  databuilderCatalog,
  dbtCatalog,
  MYSQL_DEFAULT_CLUSTER,
  mysqlCatalog,
  patternList,
  postgresCatalog,
  readCatalogFile,
  type CatalogFile,
  type DatabaseCatalogResult,
  type DatabaseOptions,
  type LeftOutRecord,
} from '@fram/catalog-tools';
import { ingestSourceName } from '@fram/models';

/** What a source read: the records to send and what it could not take (one line each). */
export interface SourceRead {
  catalog: CatalogFile;
  warnings: string[];
  /** One line saying what was read, e.g. `dbt manifest v12 (dbt 1.10.2, snowflake) in target/`. */
  summary: string;
  /** The source's name, which scopes what its runs remove (`dbt:jaffle_shop`); none for a catalog file. */
  source?: string;
  /** Records the source has but left out because Fram would refuse them (each also a warning). */
  leftOut: LeftOutRecord[];
}

/** The options every source takes. */
export interface RunOptions {
  /** Read and compare, send nothing. */
  dryRun: boolean;
  /** --source: the name scoping removals, instead of the source's own. */
  source?: string;
  /** --keep-missing: send, but remove nothing the source no longer has. */
  keepMissing: boolean;
  /** --max-removal: the most a run may remove, in percent of what its source held before. */
  maxRemoval: number;
}

/** A command line that cannot be run as given (exit code 2, nothing sent). */
export class UsageError extends Error {}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
type Read = () => SourceRead | Promise<SourceRead>;

interface Source {
  usage: string;
  /** The options of this source only (the common ones are parsed for every source). */
  options: Options;
  read(values: Record<string, unknown>, positionals: string[], env: NodeJS.ProcessEnv): Read;
}

/** Where a database source's URL is read when the command line gives none (a password there is not in the process list). */
export const DATABASE_URL_VARIABLE = 'INGEST_DATABASE_URL';

const URL_FROM_ENV = `URL may be left out and given in ${DATABASE_URL_VARIABLE} instead, which keeps its password out of the process
list (ps).`;

/** Removals are limited, like databuilder's staleness_max_pct. */
export const DEFAULT_MAX_REMOVAL = 50;

const COMMON_OPTIONS = `
  --source NAME          the name that scopes what a run removes; default: SOURCE_DEFAULT
  --keep-missing         send, but remove nothing this source no longer has
  --max-removal PERCENT  remove nothing, and exit 1, when a run would remove more than this share of what the
                         source held before (default: ${DEFAULT_MAX_REMOVAL})
  --dry-run              read and check everything and send nothing: print what would be sent and, for a named
                         source, what would be added, changed, left unchanged and removed in Fram
  --help                 this text

Re-runs are safe: every run sends all records under the source's name, then removes from Fram what that source
sent before and no longer has (never what another source or a person added). Records Fram would refuse are left
out with a warning; when one of them was sent before, the run removes nothing (its earlier version stays).`;

const common = (sourceDefault: string) => COMMON_OPTIONS.replace('SOURCE_DEFAULT', sourceDefault);

const DBT_USAGE = `usage: npm run ingest -- dbt TARGET_DIR [options]

Reads a dbt project's artifacts in TARGET_DIR (its target/ folder, after dbt docs generate): manifest.json
(schema v4 to v12), and catalog.json, run_results.json and sources.json when there. Models, seeds, snapshots
and sources become tables, depends_on becomes lineage, exposures become dashboards.

options:
  --database NAME        the tables' database (default: the adapter, e.g. snowflake)
  --cluster NAME         the tables' cluster (default: each relation's dbt database)
  --owner-meta-key KEY   the meta key naming owners (default: owner; dotted keys look inside objects)
  --badge-meta-keys K,K  meta keys that make badges (true: a badge named after the key; text: key:value)
  --source-url URL       where the project's files are browsed, e.g. https://github.com/org/repo/blob/main/
  --keep-case            keep names as dbt has them (default: lower case, as Amundsen's dbt extractor)${common(
    "dbt:PROJECT,\n                         the manifest's project name, else the project folder's",
  )}
`;

const DATABUILDER_USAGE = `usage: npm run ingest -- databuilder DIR [options]

Reads the node and relationship CSV files that Amundsen's databuilder writes with FsNeo4jCSVLoader
(DIR/nodes/*.csv and DIR/relationships/*.csv, the files Neo4jCsvPublisher would send to Neo4j): tables,
columns, descriptions, tags, badges, owners, watermarks, stats, lineage, users, dashboards, features and reads.

options:${common("databuilder:DIR, the\n                         folder's name")}
`;

const DATABASE_OPTIONS = `
  --include-schemas P,P  only the schemas these glob patterns name (* any characters, ? one; case counts)
  --exclude-schemas P,P  not the schemas these patterns name
  --include-tables P,P   only the tables and views these patterns name (a pattern with a "." is schema.table)
  --exclude-tables P,P   not these, e.g. '*_tmp,staging.*' (an exclusion wins over an inclusion)`;

const POSTGRES_USAGE = `usage: npm run ingest -- postgres [URL] [options]

Reads a live PostgreSQL database (URL: postgresql://user:password@host:5432/database; the password may be left
to PGPASSWORD or ~/.pgpass) through pg_catalog, read-only: every schema but the system's, their tables, views and
materialized views with their comments, columns (types as PostgreSQL names them, order, comments, and pg_stats'
null fraction and distinct values as column stats), and the row estimate and last analysis time of pg_class and
pg_stat_user_tables (as a programmatic description). ${URL_FROM_ENV}

options:
  --database NAME        the tables' database, a key's first part (default: postgres)
  --cluster NAME         the tables' cluster, a key's second part (default: the database's name on the server)${DATABASE_OPTIONS}${common('postgres:HOST:PORT/DATABASE')}
`;

const MYSQL_USAGE = `usage: npm run ingest -- mysql [URL] [options]

Reads a live MySQL or MariaDB server (URL: mysql://user:password@host:3306[/database]) through
information_schema, read-only: every schema (MySQL's databases) the user can see but the system's, their tables
and views with their comments, columns (types as the server names them, order, comments), TABLE_ROWS (as a
programmatic description) and UPDATE_TIME (as the table's last update). ${URL_FROM_ENV}

options:
  --database NAME        the tables' database, a key's first part (default: mysql)
  --cluster NAME         the tables' cluster, a key's second part (default: ${MYSQL_DEFAULT_CLUSTER}, MySQL's catalog name, as Amundsen's
                         MysqlMetadataExtractor; give one per server when there are several)${DATABASE_OPTIONS}${common('mysql:HOST:PORT, or\n                         mysql:HOST:PORT/DATABASE when the URL names one')}
`;

const FILE_USAGE = `usage: npm run ingest -- FILE [options]

Sends a Fram catalog file (JSON: users, tables, dashboards, features, lineage, column_lineage,
feature_lineage, reads; see the README's "Load a catalog"). A file is often part of a catalog: without --source
its records are only added or updated, nothing is removed.

options:${common('none: nothing is removed')}
`;

export const INGEST_USAGE = `usage: npm run ingest -- FILE | dbt TARGET_DIR | databuilder DIR | postgres URL | mysql URL [options]

  FILE               a Fram catalog file (JSON)
  dbt TARGET_DIR     a dbt project's artifacts (manifest.json, catalog.json, ...)
  databuilder DIR    Amundsen databuilder's FsNeo4jCSVLoader output (nodes/, relationships/)
  postgres URL       a live PostgreSQL database (postgresql://user:password@host:5432/database)
  mysql URL          a live MySQL or MariaDB server (mysql://user:password@host:3306)

Each takes --source, --keep-missing, --max-removal, --dry-run and --help (npm run ingest -- dbt --help): a run
removes from Fram what its source sent before and no longer has. Environment: METADATA_URL, and TOKEN or
OIDC_ISSUER with INGEST_CLIENT_ID, INGEST_CLIENT_SECRET, INGEST_SCOPES (see the README); ${DATABASE_URL_VARIABLE}:
postgres's or mysql's URL when the command line leaves it out (its password then stays out of the process list).
Exit codes: 0 done; 1 failed while sending (the service refused a batch or could not be reached, or no token;
nothing is removed then), removals over --max-removal (all sent, nothing removed), or a dry run that could not
read what Fram holds of the source; 2 nothing sent: a wrong command line or input that cannot be read.
`;

const onePath = (positionals: string[], what: string, usage: string): string => {
  if (positionals.length !== 1) throw new UsageError(`${positionals.length === 0 ? `no ${what} given` : 'too many arguments'}\n\n${usage}`);
  return positionals[0];
};

/** `1 table`, `2 tables` */
const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A folder's name, for a source's: a dbt `target/` folder is named after the project folder it is in. */
function folderName(dir: string): string {
  const full = resolve(dir);
  return basename(full) === 'target' ? basename(dirname(full)) : basename(full);
}

/** A database's source name: `{scheme}:{host}:{port}`, and `/{database}` when the URL names one. */
function databaseSourceName(scheme: string, url: string, defaultPort: number): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return `${scheme}:${host}:${parsed.port || defaultPort}${database ? `/${database}` : ''}`;
}

/** A live database's source: its URL and the options every database source takes. */
function databaseSource(
  usage: string,
  scheme: string,
  defaultPort: number,
  catalog: (url: string, options: DatabaseOptions) => Promise<DatabaseCatalogResult & { source: { url: string; version: string } }>,
): Source {
  return {
    usage,
    options: {
      database: { type: 'string' },
      cluster: { type: 'string' },
      'include-schemas': { type: 'string' },
      'exclude-schemas': { type: 'string' },
      'include-tables': { type: 'string' },
      'exclude-tables': { type: 'string' },
    },
    read(values, positionals, env) {
      const fromEnv = env[DATABASE_URL_VARIABLE]?.trim();
      if (positionals.length === 0 && !fromEnv) throw new UsageError(`no URL given: give it, or set ${DATABASE_URL_VARIABLE}\n\n${usage}`);
      const url = positionals.length === 0 && fromEnv ? fromEnv : onePath(positionals, 'URL', usage);
      const text = (name: string) => values[name] as string | undefined;
      const options: DatabaseOptions = {
        database: text('database'),
        cluster: text('cluster'),
        includeSchemas: patternList(text('include-schemas')),
        excludeSchemas: patternList(text('exclude-schemas')),
        includeTables: patternList(text('include-tables')),
        excludeTables: patternList(text('exclude-tables')),
      };
      return async () => {
        const result = await catalog(url, options);
        const { tables, views, filteredOut } = result.counts;
        const left = filteredOut > 0 ? `; ${filteredOut} left out by the patterns` : '';
        return {
          catalog: result.catalog,
          warnings: result.warnings,
          summary: `${counted(tables, 'table')} and ${counted(views, 'view')} from ${result.source.url} (${result.source.version.split(' on ')[0]})${left}`,
          source: databaseSourceName(scheme, url, defaultPort),
          leftOut: result.leftOut,
        };
      };
    },
  };
}

const SOURCES: Record<'dbt' | 'databuilder' | 'postgres' | 'mysql' | 'file', Source> = {
  dbt: {
    usage: DBT_USAGE,
    options: {
      database: { type: 'string' },
      cluster: { type: 'string' },
      'owner-meta-key': { type: 'string' },
      'badge-meta-keys': { type: 'string' },
      'source-url': { type: 'string' },
      'keep-case': { type: 'boolean' },
    },
    read(values, positionals) {
      const dir = onePath(positionals, 'TARGET_DIR', DBT_USAGE);
      const text = (name: string) => values[name] as string | undefined;
      const badgeKeys = text('badge-meta-keys')
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      return () => {
        const result = dbtCatalog(dir, {
          database: text('database'),
          cluster: text('cluster'),
          ownerMetaKey: text('owner-meta-key'),
          badgeMetaKeys: badgeKeys,
          sourceUrl: text('source-url'),
          lowercase: values['keep-case'] !== true,
        });
        const { manifestVersion, dbtVersion, adapter, project } = result.source;
        const about = [dbtVersion && `dbt ${dbtVersion}`, adapter].filter(Boolean).join(', ');
        return {
          catalog: result.catalog,
          warnings: result.warnings,
          summary: `dbt manifest v${manifestVersion}${about ? ` (${about})` : ''} in ${dir}`,
          source: `dbt:${project ?? folderName(dir)}`,
          leftOut: result.leftOut,
        };
      };
    },
  },
  databuilder: {
    usage: DATABUILDER_USAGE,
    options: {},
    read(_values, positionals) {
      const dir = onePath(positionals, 'DIR', DATABUILDER_USAGE);
      return () => {
        const result = databuilderCatalog(dir);
        return {
          catalog: result.catalog,
          warnings: result.warnings.map((w) => w.message),
          summary: `databuilder output in ${dir}`,
          source: `databuilder:${folderName(dir)}`,
          leftOut: [],
        };
      };
    },
  },
  postgres: databaseSource(POSTGRES_USAGE, 'postgres', 5432, postgresCatalog),
  mysql: databaseSource(MYSQL_USAGE, 'mysql', 3306, mysqlCatalog),
  file: {
    usage: FILE_USAGE,
    options: {},
    read(_values, positionals) {
      const file = onePath(positionals, 'FILE', FILE_USAGE);
      return () => ({ catalog: readCatalogFile(file), warnings: [], summary: file, leftOut: [] });
    },
  },
};

const COMMON: Options = {
  'dry-run': { type: 'boolean' },
  source: { type: 'string' },
  'keep-missing': { type: 'boolean' },
  'max-removal': { type: 'string' },
};

/** The options every source takes, checked. */
function runOptions(values: Record<string, unknown>, usage: string): RunOptions {
  const source = values['source'] as string | undefined;
  if (source !== undefined) {
    const checked = ingestSourceName.safeParse(source);
    if (!checked.success) throw new UsageError(`--source: ${checked.error.issues[0]?.message ?? 'not a source name'}\n\n${usage}`);
  }
  const limit = values['max-removal'] as string | undefined;
  const maxRemoval = limit === undefined ? DEFAULT_MAX_REMOVAL : Number(limit.replace(/%$/, ''));
  if (limit !== undefined && (limit.trim() === '' || !(maxRemoval >= 0 && maxRemoval <= 100)))
    throw new UsageError(`--max-removal: ${JSON.stringify(limit)} is not a percentage from 0 to 100\n\n${usage}`);
  return { dryRun: values['dry-run'] === true, source, keepMissing: values['keep-missing'] === true, maxRemoval };
}

/**
 * What the command line asks for: a help text to print, or a source to read (`dbt DIR`, `databuilder DIR`,
 * `postgres URL`, `mysql URL`, or a catalog FILE) and how to send it. Each source's arguments are parsed once, with
 * the options every source takes (strict: an unknown option is a UsageError showing the source's usage).
 */
export function ingestCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { help: string } | { options: RunOptions; read: Read } {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(INGEST_USAGE);
  if (first === '--help' || first === '-h' || first === 'help') return { help: INGEST_USAGE };
  const name = first === 'dbt' || first === 'databuilder' || first === 'postgres' || first === 'mysql' ? first : 'file';
  const source = SOURCES[name];
  const args = name === 'file' ? argv : rest;
  if (args.includes('--help') || args.includes('-h')) return { help: source.usage };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...source.options, ...COMMON } });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${source.usage}`);
  }
  const options = runOptions(parsed.values, source.usage);
  return { options, read: source.read(parsed.values, parsed.positionals, env) };
}
