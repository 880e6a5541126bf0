export { clientCredentialsToken, scriptScopes, scriptToken, TokenError, DEFAULT_SCRIPT_SCOPES } from './lib/client-credentials';
export {
  CATALOG_KINDS,
  checkCatalog,
  ingestCatalog,
  readCatalogFile,
  IngestError,
  CatalogFileError,
  type CatalogFile,
  type CatalogKind,
  type IngestOptions,
} from './lib/ingest-client';
export { SourceReadError } from './lib/source-read-error';
export { checkedCatalog, ledgerKey, LEDGER_KIND, type LeftOutRecord } from './lib/record-check';
export { sourceDiff, sentFingerprints, type KindDiff } from './lib/source-diff';
export { finishIngestRun, RemovalLimitError, sourceLedger, startIngestRun, type MetadataConnection } from './lib/ingest-runs-client';
export { generateCatalog, type GeneratedCatalog, type GeneratorOptions } from './lib/catalog-generator';
export { databuilderCatalog, type DatabuilderCatalogResult } from './lib/sources/databuilder/databuilder-catalog';
export { DatabuilderError } from './lib/sources/databuilder/graph-files';
export { CsvError } from './lib/sources/databuilder/csv-reader';
export type { DatabuilderWarning } from './lib/sources/databuilder/warnings';
export { dbtCatalog, dbtCatalogOf, type DbtCatalogFile, type DbtCatalogResult } from './lib/sources/dbt/dbt-catalog';
export { DbtArtifactError, DBT_MANIFEST_VERSIONS, readDbtArtifacts, type DbtArtifacts } from './lib/sources/dbt/dbt-artifacts';
export type { DbtOptions } from './lib/sources/dbt/dbt-options';
export {
  DatabaseSourceError,
  type DatabaseCatalogResult,
  type DatabaseOptions,
  type DatabaseRead,
  type RelationRow,
  type ColumnRow,
} from './lib/sources/sql/database-catalog';
export { patternList } from './lib/sources/sql/name-patterns';
export { maskedUrl } from './lib/sources/sql/connection-url';
export { postgresCatalog, postgresCatalogOf, type PostgresCatalogResult, type PostgresRows } from './lib/sources/postgres/postgres-catalog';
export {
  mysqlCatalog,
  mysqlCatalogOf,
  MYSQL_DEFAULT_CLUSTER,
  type MysqlCatalogResult,
  type MysqlRows,
} from './lib/sources/mysql/mysql-catalog';
export { ingestFingerprint } from './lib/ingest-fingerprint';
