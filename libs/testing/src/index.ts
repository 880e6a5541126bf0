export { TestIssuer, type TestKey, type IssuerMode, type TestIssuerOptions } from './lib/test-issuer';
export { startTestApp, withEnv, type RunningApp } from './lib/test-app';
export { call, rawRequest, type SimpleResponse } from './lib/http';
export { API_DOCS_ROUTES, describePublicRoutes, listRoutes, probeRoutesWithoutToken, type RouteAccess } from './lib/route-access';
export { freePort, runNode, startNode, workspaceRoot, type NodeProcess, type StartNodeOptions } from './lib/node-process';
export { startDevIdp, devIdpScript, DEV_IDP_ADMIN_TOKEN, DEV_IDP_USERS_API_TOKEN, type DevIdp } from './lib/dev-idp';
export { ingestSampleCatalog } from './lib/sample-catalog';
export { startRedisServer, type RedisServer } from './lib/redis-server';
export { BrowserSession, pkcePair, jwtClaims, jwtHeader, readForm } from './lib/browser-session';
