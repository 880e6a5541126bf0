import { parseArgs } from 'node:util';
import { databuilderCatalog, dbtCatalog, readCatalogFile, type CatalogFile } from '@fram/catalog-tools';

/** What a source read: the records to send and what it could not take (one line each). */
export interface SourceRead {
  catalog: CatalogFile;
  warnings: string[];
  /** One line saying what was read, e.g. `dbt manifest v12 (dbt 1.10.2, snowflake) in target/`. */
  summary: string;
}

/** A command line that cannot be run as given (exit code 2, nothing sent). */
export class UsageError extends Error {}

interface Source {
  usage: string;
  read(args: string[]): { dryRun: boolean; read: () => SourceRead };
}

const COMMON_OPTIONS = `
  --dry-run          read and check everything, print what would be sent, send nothing
  --help             this text`;

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
  --keep-case            keep names as dbt has them (default: lower case, as Amundsen's dbt extractor)${COMMON_OPTIONS}
`;

const DATABUILDER_USAGE = `usage: npm run ingest -- databuilder DIR [options]

Reads the node and relationship CSV files that Amundsen's databuilder writes with FsNeo4jCSVLoader
(DIR/nodes/*.csv and DIR/relationships/*.csv, the files Neo4jCsvPublisher would send to Neo4j): tables,
columns, descriptions, tags, badges, owners, watermarks, stats, lineage, users, dashboards, features and reads.

options:${COMMON_OPTIONS}
`;

const FILE_USAGE = `usage: npm run ingest -- FILE [options]

Sends a Fram catalog file (JSON: users, tables, dashboards, features, lineage, column_lineage,
feature_lineage, reads; see the README's "Load a catalog").

options:${COMMON_OPTIONS}
`;

export const INGEST_USAGE = `usage: npm run ingest -- FILE | dbt TARGET_DIR | databuilder DIR [options]

  FILE               a Fram catalog file (JSON)
  dbt TARGET_DIR     a dbt project's artifacts (manifest.json, catalog.json, ...)
  databuilder DIR    Amundsen databuilder's FsNeo4jCSVLoader output (nodes/, relationships/)

Each takes --dry-run and --help (npm run ingest -- dbt --help). Environment: METADATA_URL, and TOKEN or
OIDC_ISSUER with INGEST_CLIENT_ID, INGEST_CLIENT_SECRET, INGEST_SCOPES (see the README).
Exit codes: 0 done; 1 failed while sending (the service refused a batch or could not be reached, or no token);
2 nothing sent: a wrong command line or input that cannot be read.
`;

const onePath = (positionals: string[], what: string, usage: string): string => {
  if (positionals.length !== 1) throw new UsageError(`${positionals.length === 0 ? `no ${what} given` : 'too many arguments'}\n\n${usage}`);
  return positionals[0];
};

const SOURCES: Record<'dbt' | 'databuilder' | 'file', Source> = {
  dbt: {
    usage: DBT_USAGE,
    read(args) {
      const { values, positionals } = parse(args, DBT_USAGE, {
        database: { type: 'string' },
        cluster: { type: 'string' },
        'owner-meta-key': { type: 'string' },
        'badge-meta-keys': { type: 'string' },
        'source-url': { type: 'string' },
        'keep-case': { type: 'boolean' },
      });
      const dir = onePath(positionals, 'TARGET_DIR', DBT_USAGE);
      const text = (name: string) => values[name] as string | undefined;
      const badgeKeys = text('badge-meta-keys')
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      return {
        dryRun: values['dry-run'] === true,
        read: () => {
          const result = dbtCatalog(dir, {
            database: text('database'),
            cluster: text('cluster'),
            ownerMetaKey: text('owner-meta-key'),
            badgeMetaKeys: badgeKeys,
            sourceUrl: text('source-url'),
            lowercase: values['keep-case'] !== true,
          });
          const { manifestVersion, dbtVersion, adapter } = result.source;
          const about = [dbtVersion && `dbt ${dbtVersion}`, adapter].filter(Boolean).join(', ');
          return {
            catalog: result.catalog,
            warnings: result.warnings,
            summary: `dbt manifest v${manifestVersion}${about ? ` (${about})` : ''} in ${dir}`,
          };
        },
      };
    },
  },
  databuilder: {
    usage: DATABUILDER_USAGE,
    read(args) {
      const { values, positionals } = parse(args, DATABUILDER_USAGE, {});
      const dir = onePath(positionals, 'DIR', DATABUILDER_USAGE);
      return {
        dryRun: values['dry-run'] === true,
        read: () => {
          const result = databuilderCatalog(dir);
          return {
            catalog: result.catalog,
            warnings: result.warnings.map((w) => w.message),
            summary: `databuilder output in ${dir}`,
          };
        },
      };
    },
  },
  file: {
    usage: FILE_USAGE,
    read(args) {
      const { values, positionals } = parse(args, FILE_USAGE, {});
      const file = onePath(positionals, 'FILE', FILE_USAGE);
      return { dryRun: values['dry-run'] === true, read: () => ({ catalog: readCatalogFile(file), warnings: [], summary: file }) };
    },
  },
};

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** The arguments after the source's name, by parseArgs (strict: an unknown option is a UsageError showing the source's usage). */
function parse(args: string[], usage: string, options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, 'dry-run': { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

/**
 * What the command line asks for: a help text to print, or a source to read
 * (`dbt DIR`, `databuilder DIR`, or a catalog FILE) and whether to send it.
 */
export function ingestCommand(argv: string[]): { help: string } | { dryRun: boolean; read: () => SourceRead } {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(INGEST_USAGE);
  if (first === '--help' || first === '-h' || first === 'help') return { help: INGEST_USAGE };
  const name = first === 'dbt' || first === 'databuilder' ? first : 'file';
  const source = SOURCES[name];
  const args = name === 'file' ? argv : rest;
  if (args.includes('--help') || args.includes('-h')) return { help: source.usage };
  return source.read(args);
}
