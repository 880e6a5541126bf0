export { HealthModule } from './lib/health/health.module';
export { HealthService, type HealthCheck, type CheckResult, type CheckStatus, type HealthReport } from './lib/health/health.service';
export { KeySetHealthModule } from './lib/health/key-set-health.module';
export { configureApp, readProcessConfig, type ProcessConfig, startService, type ServiceOptions } from './lib/bootstrap/start-service';
export { WhoAmIModule } from './lib/whoami/whoami.module';
export { setUpApiDocs, API_DOCS_PATH, OPENAPI_JSON_PATH } from './lib/bootstrap/api-docs';
export { MetricsModule } from './lib/metrics/metrics.module';
export { MetricsService } from './lib/metrics/metrics.service';
export { readSecurityHeadersConfig, securityHeaders, type SecurityHeadersConfig } from './lib/bootstrap/security-headers';
