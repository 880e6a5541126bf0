export { HealthModule } from './lib/health/health.module';
export { HealthService, type HealthCheck, type CheckResult, type HealthReport } from './lib/health/health.service';
export { configureApp, readProcessConfig, type ProcessConfig, startService, type ServiceOptions } from './lib/bootstrap/start-service';
export { WhoAmIModule } from './lib/whoami/whoami.module';
