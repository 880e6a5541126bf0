import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { checkedUrl, maskedUrl, readFailure } from '../sql/connection-url';
import { databaseCatalog, type DatabaseCatalogResult, type DatabaseOptions, type DatabaseRead } from '../sql/database-catalog';

/** Schemas MySQL and MariaDB keep for themselves: never read. */
const SYSTEM_SCHEMAS = `('mysql', 'information_schema', 'performance_schema', 'sys')`;

/**
 * Every table and view the user can see outside the system schemas (MariaDB's sequences are left out), with their
 * comments, TABLE_ROWS (InnoDB's estimate, refreshed by ANALYZE TABLE; exact for MyISAM) and UPDATE_TIME (when the
 * data last changed, where the engine keeps it: InnoDB only since the server started).
 */
export const MYSQL_TABLES_SQL = `
SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS name, TABLE_TYPE AS type, ENGINE AS engine,
       TABLE_COMMENT AS comment, TABLE_ROWS AS \`rows\`, UPDATE_TIME AS updated_at
  FROM information_schema.TABLES
 WHERE TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS} AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')
 ORDER BY TABLE_SCHEMA, TABLE_NAME`;

/** Their columns with their full types as the server names them (COLUMN_TYPE: `varchar(80)`, `int(10) unsigned`). */
export const MYSQL_COLUMNS_SQL = `
SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS \`table\`, COLUMN_NAME AS name, COLUMN_TYPE AS type,
       ORDINAL_POSITION AS position, COLUMN_COMMENT AS comment
  FROM information_schema.COLUMNS
 WHERE TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS}
 ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`;

/** A row of MYSQL_TABLES_SQL (times as text in UTC: the session's time zone is set to UTC). */
export interface MysqlTableRow {
  schema: string;
  name: string;
  type: string;
  engine: string | null;
  comment: string | null;
  rows: number | string | null;
  updated_at: string | null;
}

/** A row of MYSQL_COLUMNS_SQL. */
export interface MysqlColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  position: number | string;
  comment: string | null;
}

/** What was read from a MySQL or MariaDB server. */
export interface MysqlRows {
  /** version(), e.g. `10.11.18-MariaDB-0+deb12u1` or `8.4.3`. */
  version: string;
  tables: MysqlTableRow[];
  columns: MysqlColumnRow[];
}

export interface MysqlCatalogResult extends DatabaseCatalogResult {
  source: { url: string; version: string };
}

/**
 * The cluster unless --cluster is given: the catalog name MySQL gives every table (information_schema's
 * TABLE_CATALOG is always `def`), which is also what Amundsen's MysqlMetadataExtractor writes by default, so that
 * keys stay those of an Amundsen catalog. Give --cluster to tell several servers apart.
 */
export const MYSQL_DEFAULT_CLUSTER = 'def';
/** The source of the programmatic description that holds the server's row figure. */
export const MYSQL_DESCRIPTION_SOURCE = 'mysql';

/**
 * Reads the schemas (MySQL's databases), tables, views and columns of the server `url` names (mysql://user:password@host:port[/database]:
 * every schema the user can see; the URL's database is only where the connection starts) and makes their Fram
 * records: keys `{database}://{cluster}.{schema}/{table}`, the database `mysql` and the cluster `def` unless
 * given. A connection or query that fails is a DatabaseSourceError (its text never holds the password).
 */
export async function mysqlCatalog(url: string, options: DatabaseOptions = {}): Promise<MysqlCatalogResult> {
  checkedUrl(url, ['mysql:', 'mariadb:'], 'mysql://user:password@host:3306/database');
  const uri = url.replace(/^mariadb:/, 'mysql:');
  let connection: Connection | undefined;
  let rows: MysqlRows;
  try {
    connection = await createConnection({ uri, connectTimeout: 15_000, dateStrings: true, supportBigNumbers: true });
    // Times in UTC; one consistent snapshot, read-only.
    await connection.query("SET time_zone = '+00:00'");
    await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const [about] = await connection.query<RowDataPacket[]>('SELECT version() AS version');
    const [tables] = await connection.query<RowDataPacket[]>(MYSQL_TABLES_SQL);
    const [columns] = await connection.query<RowDataPacket[]>(MYSQL_COLUMNS_SQL);
    await connection.query('COMMIT');
    rows = { version: String(about[0]?.['version'] ?? ''), tables: tables as MysqlTableRow[], columns: columns as MysqlColumnRow[] };
  } catch (error) {
    throw readFailure(url, error);
  } finally {
    await connection?.end().catch(() => undefined);
  }
  return { ...mysqlCatalogOf(rows, options), source: { url: maskedUrl(url), version: rows.version } };
}

/** mysqlCatalog on rows already read. */
export function mysqlCatalogOf(rows: MysqlRows, options: DatabaseOptions = {}): DatabaseCatalogResult {
  const engine = /mariadb/i.test(rows.version) ? 'MariaDB' : 'MySQL';
  return databaseCatalog(
    mysqlRead(rows),
    {
      database: options.database ?? 'mysql',
      cluster: options.cluster ?? MYSQL_DEFAULT_CLUSTER,
      engine,
      descriptionSource: MYSQL_DESCRIPTION_SOURCE,
      rowsAreEstimates: true,
    },
    options,
  );
}

/** `2026-12-02 11:51:34` (UTC) as a Date, or null. */
function utcTime(text: string | null): Date | null {
  if (!text) return null;
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function mysqlRead(rows: MysqlRows): DatabaseRead {
  return {
    relations: rows.tables.map((table) => {
      const isView = table.type === 'VIEW';
      const count = table.rows === null ? null : Number(table.rows);
      return {
        schema: table.schema,
        name: table.name,
        isView,
        // A view's TABLE_COMMENT is the word VIEW (MySQL and MariaDB): not a description.
        comment: isView ? null : table.comment,
        rows: count !== null && Number.isFinite(count) ? count : null,
        updatedAt: utcTime(table.updated_at),
      };
    }),
    columns: rows.columns.map((column) => ({ ...column, position: Number(column.position) })),
  };
}
