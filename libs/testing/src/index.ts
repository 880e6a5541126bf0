export { TestIssuer, type TestKey, type IssuerMode, type TestIssuerOptions } from './lib/test-issuer';
export { startTestApp, withEnv, type RunningApp } from './lib/test-app';
