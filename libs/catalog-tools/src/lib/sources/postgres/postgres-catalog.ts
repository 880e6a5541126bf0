import { Client } from 'pg';
import { checkedUrl, maskedUrl, readFailure } from '../sql/connection-url';
import { databaseCatalog, type DatabaseCatalogResult, type DatabaseOptions, type DatabaseRead } from '../sql/database-catalog';

/** Schemas PostgreSQL keeps for itself: never read. */
const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;
/** Tables (r), partitioned tables (p), views (v), materialized views (m), foreign tables (f). */
const RELATION_KINDS = `c.relkind IN ('r', 'p', 'v', 'm', 'f')`;

/**
 * The tables and views of the database connected to, with their comments, PostgreSQL's row estimate (reltuples,
 * set by ANALYZE and VACUUM: -1 before either) and statistics collector's live rows, and when they were last
 * analysed (by ANALYZE or autovacuum).
 */
export const POSTGRES_RELATIONS_SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       obj_description(c.oid, 'pg_class') AS comment,
       c.reltuples::float8 AS reltuples, s.n_live_tup::float8 AS live_rows,
       GREATEST(s.last_analyze, s.last_autoanalyze) AS analysed_at
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
 WHERE ${RELATION_KINDS} AND ${SYSTEM_SCHEMAS}
 ORDER BY n.nspname, c.relname`;

/**
 * Their columns (not the dropped ones), with their types as PostgreSQL names them, their comments, and what ANALYZE
 * found of them (pg_stats: the fraction of nulls; the distinct values, a count, or minus a fraction of the rows).
 */
export const POSTGRES_COLUMNS_SQL = `
SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnum AS position,
       col_description(c.oid, a.attnum) AS comment,
       s.null_frac::float8 AS null_frac, s.n_distinct::float8 AS n_distinct
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname AND NOT s.inherited
 WHERE a.attnum > 0 AND NOT a.attisdropped AND ${RELATION_KINDS} AND ${SYSTEM_SCHEMAS}
 ORDER BY n.nspname, c.relname, a.attnum`;

/** A row of POSTGRES_RELATIONS_SQL. */
export interface PostgresRelationRow {
  schema: string;
  name: string;
  kind: string;
  comment: string | null;
  reltuples: number | null;
  live_rows: number | null;
  analysed_at: Date | null;
}

/** A row of POSTGRES_COLUMNS_SQL. */
export interface PostgresColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  position: number;
  comment: string | null;
  null_frac?: number | null;
  n_distinct?: number | null;
}

/** What was read from a PostgreSQL server. */
export interface PostgresRows {
  /** current_database(): the cluster unless --cluster is given. */
  database: string;
  /** version(), e.g. `PostgreSQL 15.18 (Debian ...) on x86_64-pc-linux-gnu, ...`. */
  version: string;
  relations: PostgresRelationRow[];
  columns: PostgresColumnRow[];
}

export interface PostgresCatalogResult extends DatabaseCatalogResult {
  /** What was read: the URL without its password, the server's version and database. */
  source: { url: string; version: string; database: string };
}

/** The source of the programmatic description that holds PostgreSQL's row estimate. */
export const POSTGRES_DESCRIPTION_SOURCE = 'postgres';

/**
 * Reads the schemas, tables, views and columns of the PostgreSQL database `url` names (postgresql://user:password@host:port/database)
 * and makes their Fram records: keys `{database}://{cluster}.{schema}/{table}`, the database `postgres` and the
 * cluster the server's database name unless given. A connection or query that fails is a DatabaseSourceError
 * (its text never holds the password).
 */
export async function postgresCatalog(url: string, options: DatabaseOptions = {}): Promise<PostgresCatalogResult> {
  checkedUrl(url, ['postgresql:', 'postgres:'], 'postgresql://user:password@host:5432/database');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 15_000, application_name: 'fram-ingest' });
  // A connection that breaks after it was made is reported by the query that fails; this keeps it from crashing.
  client.on('error', () => undefined);
  let rows: PostgresRows;
  try {
    await client.connect();
    // One snapshot for every statement, read-only: what is read is consistent, and nothing is changed.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const about = await client.query<{ database: string; version: string }>('SELECT current_database() AS database, version() AS version');
    const relations = await client.query<PostgresRelationRow>(POSTGRES_RELATIONS_SQL);
    const columns = await client.query<PostgresColumnRow>(POSTGRES_COLUMNS_SQL);
    await client.query('COMMIT');
    rows = { ...about.rows[0], relations: relations.rows, columns: columns.rows };
  } catch (error) {
    throw readFailure(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { ...postgresCatalogOf(rows, options), source: { url: maskedUrl(url), version: rows.version, database: rows.database } };
}

/** postgresCatalog on rows already read. */
export function postgresCatalogOf(rows: PostgresRows, options: DatabaseOptions = {}): DatabaseCatalogResult {
  return databaseCatalog(
    postgresRead(rows),
    {
      database: options.database ?? 'postgres',
      cluster: options.cluster ?? rows.database,
      engine: 'PostgreSQL',
      descriptionSource: POSTGRES_DESCRIPTION_SOURCE,
      rowsAreEstimates: true,
    },
    options,
  );
}

/**
 * The rows as the mapping takes them. The row figure: the planner's estimate (reltuples) once ANALYZE or VACUUM
 * has set it, else the statistics collector's live rows when it has counted some; none for a table never counted.
 */
function postgresRead(rows: PostgresRows): DatabaseRead {
  const estimates = new Map<string, number>();
  for (const relation of rows.relations) {
    if (relation.reltuples !== null && relation.reltuples >= 0)
      estimates.set(`${relation.schema}.${relation.name}`, Number(relation.reltuples));
  }
  return {
    relations: rows.relations.map((relation) => {
      const reltuples = relation.reltuples !== null && relation.reltuples >= 0 ? Number(relation.reltuples) : undefined;
      const live = relation.live_rows !== null && relation.live_rows > 0 ? Number(relation.live_rows) : undefined;
      return {
        schema: relation.schema,
        name: relation.name,
        isView: relation.kind === 'v' || relation.kind === 'm',
        comment: relation.comment,
        // A view holds no rows (a materialized view does).
        rows: relation.kind === 'v' ? null : (reltuples ?? live ?? null),
        analysedAt: relation.analysed_at,
      };
    }),
    columns: rows.columns.map(({ null_frac, n_distinct, ...column }) => ({
      ...column,
      position: Number(column.position),
      nullFraction: null_frac,
      distinctValues: distinctValues(n_distinct, estimates.get(`${column.schema}.${column.table}`)),
    })),
  };
}

/**
 * pg_stats' n_distinct as a count: itself when positive (0 is unknown); when negative, minus the fraction of the rows that are
 * distinct (-1: every row), counted on the table's row estimate; unknown without one.
 */
function distinctValues(nDistinct: number | null | undefined, rows: number | undefined): number | null {
  // 0: PostgreSQL does not know.
  if (nDistinct === null || nDistinct === undefined || nDistinct === 0) return null;
  if (nDistinct > 0) return nDistinct;
  return rows === undefined ? null : -nDistinct * rows;
}
