import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  ISSUER_ALIASES,
  readTokenAuthMethod,
  readTokenRequestParams,
  type ClientSecretAuthMethod,
  type TokenRequestParams,
} from '@fram/auth';
import { commaList, DEV_IDP_ISSUER, env, EnvReader, isHttpUrl, type Env } from '@fram/config';
import type { Badge } from '@fram/models';

export const DEFAULT_BADGES: readonly Badge[] = [
  { badge_name: 'certified', category: 'table_status' },
  { badge_name: 'deprecated', category: 'table_status' },
  { badge_name: 'alpha', category: 'table_status' },
  { badge_name: 'pii', category: 'data_sensitivity' },
];

/** How metadata finds people missing from its store: Okta's Users API (or dev-idp's), or not at all. */
export type DirectoryConfig =
  | { kind: 'none' }
  | {
      kind: 'okta';
      orgUrl: string;
      /** SSWS API token, or else a service client (client_credentials, scope okta.users.read). */
      credentials: { apiToken: string } | ServiceClient;
      timeoutMs: number;
    };

/** metadata's own identity (SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET), authenticating as OIDC_TOKEN_AUTH_METHOD says. */
export interface ServiceClient {
  clientId: string;
  clientSecret: string;
  authMethod: ClientSecretAuthMethod;
}

export type BackendConfig =
  { kind: 'embedded'; databaseFile: string } | { kind: 'neo4j'; uri: string; user: string; password: string; database: string | undefined };

export interface MetadataConfig {
  backend: BackendConfig;
  directory: DirectoryConfig;
  /** How long found and missing users are remembered. */
  userCacheTtlMs: number;
  /** Badges that may be put on resources through the API (Amundsen's WHITELIST_BADGES). */
  badges: readonly Badge[];
  /** Distinct readers a resource needs to be popular (Amundsen's POPULAR_RESOURCES_MINIMUM_READER_COUNT). */
  popularMinReaders: number;
  /** Keeping the search service current, with metadata's own identity (client_credentials). */
  searchSync: SearchSyncConfig;
}

export type SearchSyncConfig =
  | { kind: 'off' }
  | {
      kind: 'http';
      searchUrl: string;
      issuer: string;
      clientId: string;
      clientSecret: string;
      /** OIDC_TOKEN_AUTH_METHOD: how it authenticates at the token endpoint. */
      authMethod: ClientSecretAuthMethod;
      /** What metadata's service identity asks for (SERVICE_SCOPES): search gives indexing to the write role. */
      scopes: string;
      /** OIDC_RESOURCE and OIDC_AUDIENCE_PARAM, sent with its client_credentials requests. */
      tokenParams: TokenRequestParams;
      intervalMs: number;
      /** Where the feed's cursor and the documents search refused (set aside) are kept. */
      cursorFile: string;
      /** /healthcheck reports "sync stuck" when a change has waited this long (SEARCH_SYNC_MAX_LAG_S). */
      maxLagS: number;
    };

/** dev-idp's client for metadata's own identity; only used outside production. */
const DEV_SERVICE_CLIENT = { clientId: 'fram-metadata', clientSecret: 'fram-metadata-dev-secret' };

export function loadMetadataConfig(source: Env = process.env): MetadataConfig {
  const reader = new EnvReader(source);
  const production = source['NODE_ENV'] === 'production';

  const backendKind = reader.read({
    name: 'METADATA_BACKEND',
    schema: z
      .enum(['embedded', 'neo4j'], { error: 'must be embedded or neo4j' })
      .optional()
      .transform((v) => v ?? 'embedded'),
  });
  const dataDir = reader.read({ name: 'DATA_DIR', schema: env.text('./.data') });
  const neo4jUri = reader.read({
    name: 'NEO4J_URI',
    schema: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || /^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/.test(v),
        'must be a Neo4j URI such as bolt://localhost:7687 or neo4j+s://host',
      ),
  });
  const neo4jUser = reader.read({ name: 'NEO4J_USER', aliases: [{ name: 'CREDENTIALS_PROXY_USER' }], schema: env.text('neo4j') });
  const neo4jPassword = reader.read({
    name: 'NEO4J_PASSWORD',
    aliases: [{ name: 'CREDENTIALS_PROXY_PASSWORD' }],
    schema: z.string().optional(),
  });
  const neo4jDatabase = reader.read({ name: 'NEO4J_DATABASE', schema: z.string().optional() });
  if (backendKind === 'neo4j' && (neo4jUri === undefined || neo4jPassword === undefined)) {
    reader.problem('NEO4J_URI: METADATA_BACKEND=neo4j needs NEO4J_URI (e.g. bolt://neo4j:7687) and NEO4J_PASSWORD');
  }

  const directoryKind = reader.read({
    name: 'USER_DIRECTORY',
    schema: z
      .enum(['okta', 'none'], { error: 'must be okta or none' })
      .optional()
      .transform((v) => v ?? 'okta'),
  });
  const issuer = reader.raw('OIDC_ISSUER', ISSUER_ALIASES)?.value;
  const orgUrl = reader.read({
    name: 'OKTA_ORG_URL',
    schema: z
      .string()
      .optional()
      .refine((v) => v === undefined || isHttpUrl(v), 'must be your Okta org URL, e.g. https://example.okta.com')
      .transform((v) => (v ?? new URL(issuer && isHttpUrl(issuer) ? issuer : DEV_IDP_ISSUER).origin).replace(/\/$/, '')),
  });
  const apiToken = reader.read({ name: 'OKTA_API_TOKEN', schema: z.string().optional() });
  const clientId = reader.read({ name: 'SERVICE_CLIENT_ID', schema: z.string().optional() });
  const clientSecret = reader.read({ name: 'SERVICE_CLIENT_SECRET', schema: z.string().optional() });
  const timeoutMs = reader.read({ name: 'USER_DIRECTORY_TIMEOUT_MS', schema: env.integer(3000, 100, 60_000, 'milliseconds') });
  const ttlS = reader.read({ name: 'USER_CACHE_TTL_S', schema: env.integer(300, 0, 86_400, 'seconds') });

  const badges = reader.read({
    name: 'WHITELIST_BADGES',
    schema: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || commaList(v).every((b) => /^[^:]+:[^:]+$/.test(b)),
        'must list name:category pairs, separated by commas',
      )
      .transform((v) =>
        v === undefined ? [...DEFAULT_BADGES] : commaList(v).map((b) => ({ badge_name: b.split(':')[0], category: b.split(':')[1] })),
      ),
  });

  const popularMinReaders = reader.read({ name: 'POPULAR_RESOURCES_MINIMUM_READER_COUNT', schema: env.integer(2, 1, 100_000, 'readers') });

  const syncOn = reader.read({
    name: 'SEARCH_SYNC',
    schema: z
      .enum(['on', 'off'], { error: 'must be on or off' })
      .optional()
      .transform((v) => v !== 'off'),
  });
  const searchUrl = reader.read({
    name: 'SEARCH_URL',
    schema: z
      .string()
      .optional()
      .refine((v) => v === undefined || isHttpUrl(v), 'must be the search service URL, e.g. http://search:5001')
      .transform((v) => (v ?? 'http://127.0.0.1:5001').replace(/\/$/, '')),
  });
  const serviceScopes = reader.read({
    name: 'SERVICE_SCOPES',
    schema: env.scopeList(['read:data', 'write:data']),
  });
  const syncIntervalMs = reader.read({ name: 'SEARCH_SYNC_INTERVAL_MS', schema: env.integer(1000, 50, 600_000, 'milliseconds') });
  const syncMaxLagS = reader.read({ name: 'SEARCH_SYNC_MAX_LAG_S', schema: env.integer(120, 0, 86_400, 'seconds') });
  const tokenParams = readTokenRequestParams(reader);
  const authMethod = readTokenAuthMethod(reader);

  let credentials: { apiToken: string } | ServiceClient | undefined;
  if (apiToken) credentials = { apiToken };
  else if (clientId && clientSecret) credentials = { clientId, clientSecret, authMethod };
  else if (!production) credentials = { ...DEV_SERVICE_CLIENT, authMethod };
  else if (directoryKind === 'okta') {
    reader.problem(
      'OKTA_API_TOKEN: set an Okta API token (or SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET of a service app with okta.users.read), ' +
        'or USER_DIRECTORY=none to look people up in the metadata store only',
    );
  }
  const serviceClient: ServiceClient | undefined =
    clientId && clientSecret ? { clientId, clientSecret, authMethod } : !production ? { ...DEV_SERVICE_CLIENT, authMethod } : undefined;
  if (syncOn && !serviceClient) {
    reader.problem(
      'SERVICE_CLIENT_ID: set SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET (a service app with write:data) to keep search current, or SEARCH_SYNC=off',
    );
  }
  reader.done();
  return {
    backend:
      backendKind === 'neo4j'
        ? { kind: 'neo4j', uri: neo4jUri!, user: neo4jUser, password: neo4jPassword!, database: neo4jDatabase }
        : { kind: 'embedded', databaseFile: join(resolve(dataDir), 'metadata.sqlite') },
    directory: directoryKind === 'none' || !credentials ? { kind: 'none' } : { kind: 'okta', orgUrl, credentials, timeoutMs },
    userCacheTtlMs: ttlS * 1000,
    badges,
    popularMinReaders,
    searchSync:
      syncOn && serviceClient
        ? {
            kind: 'http',
            searchUrl,
            issuer: issuer && isHttpUrl(issuer) ? issuer : DEV_IDP_ISSUER,
            ...serviceClient,
            scopes: serviceScopes.join(' '),
            tokenParams,
            intervalMs: syncIntervalMs,
            cursorFile: join(resolve(dataDir), 'search-sync.json'),
            maxLagS: syncMaxLagS,
          }
        : { kind: 'off' },
  };
}
