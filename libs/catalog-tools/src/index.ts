export { clientCredentialsToken, scriptScopes, scriptToken, TokenError, DEFAULT_SCRIPT_SCOPES } from './lib/client-credentials';
export {
  CATALOG_KINDS,
  checkCatalog,
  ingestCatalog,
  readCatalogFile,
  IngestError,
  type CatalogFile,
  type CatalogKind,
  type IngestOptions,
} from './lib/ingest-client';
export { generateCatalog, type GeneratedCatalog, type GeneratorOptions } from './lib/catalog-generator';
