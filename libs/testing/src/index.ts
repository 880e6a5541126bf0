export { TestIssuer, type TestKey, type IssuerMode, type TestIssuerOptions } from './lib/test-issuer';
export { startTestApp, withEnv, type ProviderOverride, type RunningApp, type TestAppOptions } from './lib/test-app';
export { call, rawRequest, type SimpleResponse } from './lib/http';
export { API_DOCS_ROUTES, describePublicRoutes, listRoutes, probeRoutesWithoutToken, type RouteAccess } from './lib/route-access';
export { bundleScript, freePort, runNode, startNode, workspaceRoot, type NodeProcess, type StartNodeOptions } from './lib/node-process';
export { startDevIdp, devIdpScript, DEV_IDP_ADMIN_TOKEN, DEV_IDP_USERS_API_TOKEN, type DevIdp } from './lib/dev-idp';
export { ingestSampleCatalog } from './lib/sample-catalog';
export { startRedisServer, type RedisServer } from './lib/redis-server';
export { signInAtFrontend, signInToCallback, csrfTokenOf } from './lib/frontend-sign-in';
export { BrowserSession, type BrowserOptions, type Cookie, pkcePair, jwtClaims, jwtHeader, readForm } from './lib/browser-session';
export { makeTlsCertificate, type TlsCertificate } from './lib/tls-certificate';
export { startNginx, runNginx, type Nginx } from './lib/nginx';
export {
  startLemonLdap,
  type LemonLdap,
  type LemonLdapClient,
  type LemonLdapOptions,
  type LemonLdapTokens,
  type LemonLdapUser,
} from './lib/lemonldap';
export { ManualClock } from './lib/manual-clock';
export { eventually } from './lib/eventually';
export { providerDocBlocks, providerDocVariables, recordingEnv, type ProviderDocBlock } from './lib/provider-docs';
export { providerClaims, type TokenBasics, type TokenClaims } from './lib/provider-claims';
export { AMUNDSEN_MODELS, amundsenRef, type AmundsenModel } from './lib/amundsen-models';
export { AMUNDSEN_DUMP, amundsenProblems, asAmundsen, type AmundsenCheck } from './lib/amundsen-check';
export { startApiStack, type ApiStack, type ApiStackParts } from './lib/api-stack';
export { startRecordedDevIdp, type RecordedDevIdp, type RecordedDevIdpOptions, type RecordedRequest } from './lib/recorded-dev-idp';
export { startMariaDb, startPostgres, type DatabaseServer } from './lib/database-servers';
