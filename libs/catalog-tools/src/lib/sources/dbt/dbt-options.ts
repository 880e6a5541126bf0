/** How dbt's artifacts become Fram's records. */
export interface DbtOptions {
  /**
   * The tables' database (the first part of a table key, the kind of system): the manifest's adapter type
   * (snowflake, bigquery, duckdb, ...) unless given, as Amundsen's dbt extractor has it.
   */
  database?: string;
  /** The tables' cluster: each relation's dbt database (the warehouse database, BigQuery's project) unless given. */
  cluster?: string;
  /**
   * The meta key that names a node's owners (a text, a comma list or a list of user ids, e.g. emails); a dotted
   * key looks inside an object (`contact.email`). `owner` unless given.
   */
  ownerMetaKey?: string;
  /** Meta keys that make badges: `true` makes a badge named after the key, a text or number `key:value`. None unless given. */
  badgeMetaKeys?: string[];
  /**
   * Lowercase the names that make keys (database, cluster, schema, table and column names), as Amundsen's dbt
   * extractor does unless told not to, so that keys match what the database's own extractors write (Snowflake
   * reports FOO for a relation dbt calls foo). True unless false.
   */
  lowercase?: boolean;
  /**
   * Where the dbt project's files are browsed, e.g. `https://github.com/org/repo/blob/main/`: each table of the
   * project then links to its file (Fram's table source must be an http(s) link). None unless given.
   */
  sourceUrl?: string;
}

/** DbtOptions with their defaults. */
export interface DbtSettings {
  database?: string;
  cluster?: string;
  ownerMetaKey: string;
  badgeMetaKeys: string[];
  lowercase: boolean;
  sourceUrl?: string;
}

export function dbtSettings(options: DbtOptions): DbtSettings {
  return {
    database: options.database,
    cluster: options.cluster,
    ownerMetaKey: options.ownerMetaKey ?? 'owner',
    badgeMetaKeys: options.badgeMetaKeys ?? [],
    lowercase: options.lowercase ?? true,
    sourceUrl: options.sourceUrl,
  };
}
