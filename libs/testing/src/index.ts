export { TestIssuer, type TestKey, type IssuerMode, type TestIssuerOptions } from './lib/test-issuer';
export { startTestApp, withEnv, type RunningApp } from './lib/test-app';
export { call, rawRequest, type SimpleResponse } from './lib/http';
export { describePublicRoutes, listRoutes, probeRoutesWithoutToken, type RouteAccess } from './lib/route-access';
