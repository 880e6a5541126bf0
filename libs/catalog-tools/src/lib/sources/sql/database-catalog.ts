import { ingestTablesSchema, lineProblem, type ColumnRecord, type TableRecord } from '@fram/models';
import { describeIssues } from '../dbt/dbt-artifacts';
import { descriptionText, nonEmpty, type Warn } from '../dbt/dbt-values';
import { namePatterns } from './name-patterns';
import { ledgerKey, type LeftOutRecord } from '../../record-check';
import { SourceReadError } from '../../source-read-error';

/*
 * What a live database's catalog (PostgreSQL's pg_catalog, MySQL's information_schema) becomes in Fram: the queries
 * are the engines' own (postgres/, mysql/); the rows they return are mapped here, with no server, so that the
 * mapping is tested on canned rows.
 */

/** How a database's tables become Fram's records (the command line's options). */
export interface DatabaseOptions {
  /** The tables' database (a table key's first part, the kind of system). The source's name unless given. */
  database?: string;
  /** The tables' cluster (a key's second part: which server or database). Each source has its own default. */
  cluster?: string;
  /** Glob patterns (`*`, `?`) of the schemas to read; all but the system's unless given. */
  includeSchemas?: string[];
  excludeSchemas?: string[];
  /** Glob patterns of the tables (and views) to read: a pattern with a `.` is matched against `schema.table`. */
  includeTables?: string[];
  excludeTables?: string[];
}

/** A table or view as the server describes it. */
export interface RelationRow {
  schema: string;
  name: string;
  isView: boolean;
  comment: string | null;
  /** The server's count or estimate of its rows, if it keeps one (not for a view: a materialized view has one). */
  rows?: number | null;
  /** When the server last analysed it (the time of its row estimate), if known. */
  analysedAt?: Date | null;
  /** When its data last changed, if the server keeps it. */
  updatedAt?: Date | null;
}

/** A column as the server describes it. */
export interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  /** The type as the server names it, e.g. `character varying(80)`, `int(11)`. */
  type: string;
  /** Its position in the table (1 for the first). */
  position: number;
  comment: string | null;
  /** The fraction of its values that are null, where the server keeps it (PostgreSQL's pg_stats after ANALYZE). */
  nullFraction?: number | null;
  /** The server's estimate of its distinct values (PostgreSQL's pg_stats after ANALYZE). */
  distinctValues?: number | null;
}

/** What a source read from its server. */
export interface DatabaseRead {
  relations: RelationRow[];
  columns: ColumnRow[];
}

/** How the mapping is set: DatabaseOptions with the source's defaults applied. */
export interface DatabaseSettings {
  database: string;
  cluster: string;
  /** The server's name in texts, e.g. PostgreSQL, MariaDB. */
  engine: string;
  /** The source of the programmatic description holding the server's row counts. */
  descriptionSource: string;
  /** How the server's row figure is to be read: an estimate (PostgreSQL, InnoDB) or exact. */
  rowsAreEstimates: boolean;
}

export interface DatabaseCatalogResult {
  catalog: { tables: TableRecord[] };
  /** What was left out, one line each, naming the table. */
  warnings: string[];
  /** The tables left out because Fram would refuse them (each also a warning); not those whose names cannot make a key. */
  leftOut: LeftOutRecord[];
  /** How many tables and views were read, and how many the patterns left out. */
  counts: { tables: number; views: number; filteredOut: number };
}

/** A database that cannot be read as asked (a refused connection, a bad URL or option): nothing is sent. */
export class DatabaseSourceError extends SourceReadError {}

/**
 * The Fram table records of a database's tables and views: name, view or not, comment (as the description),
 * columns (name, type as the server names it, position as sort order, comment), and the server's row figure as a
 * programmatic description (Fram has no table-level statistic). Tables whose names cannot make a Fram key
 * (a `/` or a control character) are left out with a warning, as are the columns with control characters.
 */
export function databaseCatalog(read: DatabaseRead, settings: DatabaseSettings, options: DatabaseOptions = {}): DatabaseCatalogResult {
  checkKeyPart('database', settings.database, /[:/]/, '":" or "/"');
  checkKeyPart('cluster', settings.cluster, /[./]/, '"." or "/"');
  const patterns = namePatterns(options);
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  const leftOut: LeftOutRecord[] = [];

  const columnsOf = new Map<string, ColumnRow[]>();
  for (const column of read.columns) {
    const id = relationId(column.schema, column.table);
    const list = columnsOf.get(id) ?? [];
    list.push(column);
    columnsOf.set(id, list);
  }

  const tables: TableRecord[] = [];
  const counts = { tables: 0, views: 0, filteredOut: 0 };
  for (const relation of read.relations) {
    if (!patterns.takes(relation.schema, relation.name)) {
      counts.filteredOut++;
      continue;
    }
    const where = relationId(relation.schema, relation.name);
    const problem = namePartProblem(relation.schema) ?? namePartProblem(relation.name);
    if (problem) {
      warn(`${JSON.stringify(where)}: left out: its name ${problem}, which a Fram table key cannot hold`);
      continue;
    }
    const table = tableRecord(relation, columnsOf.get(where) ?? [], settings, warn);
    const checked = ingestTablesSchema.safeParse({ tables: [table] });
    if (!checked.success) {
      warn(`${where}: left out: Fram would refuse it: ${describeIssues(checked.error)}`);
      const key = ledgerKey('table', table);
      if (key) leftOut.push({ kind: 'table', key });
      continue;
    }
    tables.push(table);
    if (relation.isView) counts.views++;
    else counts.tables++;
  }
  return { catalog: { tables }, warnings, leftOut, counts };
}

const relationId = (schema: string, name: string) => `${schema}.${name}`;

/** Why a schema's or table's name cannot be a part of a Fram table key, or undefined. */
function namePartProblem(name: string): string | undefined {
  if (name.includes('/')) return 'has a "/"';
  if (name.length > 500) return 'is longer than 500 characters';
  return lineProblem(name, 500);
}

function checkKeyPart(what: string, value: string, forbidden: RegExp, named: string): void {
  if (!value || forbidden.test(value) || lineProblem(value, 200)) {
    throw new DatabaseSourceError(
      `the ${what} ${JSON.stringify(value)} cannot be a part of Fram's table keys (no ${named} or control characters): give --${what} NAME`,
    );
  }
}

function tableRecord(relation: RelationRow, columnRows: ColumnRow[], settings: DatabaseSettings, warn: Warn): TableRecord {
  const where = relationId(relation.schema, relation.name);
  const columns: ColumnRecord[] = [];
  for (const column of [...columnRows].sort((a, b) => a.position - b.position)) {
    const problem = lineProblem(column.name, 500);
    if (problem) {
      warn(`${where}: column ${JSON.stringify(column.name)} left out: its name ${problem}`);
      continue;
    }
    columns.push({
      name: column.name,
      col_type: column.type,
      sort_order: Math.max(0, Math.floor(column.position)),
      description: descriptionText(column.comment, `${where}.${column.name}`, warn),
      stats: nonEmpty(columnStats(column, relation)),
    });
  }
  const table: TableRecord = {
    database: settings.database,
    cluster: settings.cluster,
    schema: relation.schema,
    name: relation.name,
    is_view: relation.isView,
    description: descriptionText(relation.comment, where, warn),
    columns,
  };
  const rows = rowsText(relation, settings);
  if (rows) table.programmatic_descriptions = [{ source: settings.descriptionSource, text: rows }];
  if (relation.updatedAt) table.last_updated_timestamp = Math.floor(relation.updatedAt.getTime() / 1000);
  return table;
}

/** Stat types of the column statistics a server keeps (Fram's column stats, Amundsen's TableColumnStats). */
export const STAT_TYPES = { nullFraction: 'null fraction', distinctValues: 'distinct values (estimate)' } as const;

/** A column's statistics, as of the table's last analysis (their end_epoch) when known. */
function columnStats(column: ColumnRow, relation: RelationRow): NonNullable<ColumnRecord['stats']> {
  const asOf = relation.analysedAt ? { end_epoch: Math.floor(relation.analysedAt.getTime() / 1000) } : {};
  const stats: NonNullable<ColumnRecord['stats']> = [];
  const { nullFraction, distinctValues } = column;
  if (nullFraction !== null && nullFraction !== undefined && Number.isFinite(nullFraction) && nullFraction >= 0) {
    stats.push({ stat_type: STAT_TYPES.nullFraction, stat_val: String(Math.round(nullFraction * 10_000) / 10_000), ...asOf });
  }
  if (distinctValues !== null && distinctValues !== undefined && Number.isFinite(distinctValues) && distinctValues >= 0) {
    stats.push({ stat_type: STAT_TYPES.distinctValues, stat_val: String(Math.round(distinctValues)), ...asOf });
  }
  return stats;
}

/**
 * The server's row figure as a sentence: `About 1,000 rows (PostgreSQL's estimate, last analysed 2026-12-02 11:51
 * UTC).` None for what the server has no figure for (a view, a table never counted).
 */
export function rowsText(relation: RelationRow, settings: DatabaseSettings): string | undefined {
  const rows = relation.rows;
  if (rows === null || rows === undefined || !Number.isFinite(rows) || rows < 0) return undefined;
  const count = Math.round(rows).toLocaleString('en');
  const plural = Math.round(rows) === 1 ? 'row' : 'rows';
  const analysed = relation.analysedAt ? `, last analysed ${relation.analysedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return settings.rowsAreEstimates
    ? `About ${count} ${plural} (${settings.engine}'s estimate${analysed}).`
    : `${count} ${plural} (counted by ${settings.engine}${analysed}).`;
}
