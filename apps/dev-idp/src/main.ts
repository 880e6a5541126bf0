import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError } from '@fram/config';
import { startService } from '@fram/service';
import { AppModule } from './app/app.module';
import { DEV_IDP_PORT, loadDevIdpConfig, type DevIdpConfig } from './config/dev-idp-config';
import { DEMO_LOGIN_ROLES } from './interaction/demo-logins';
import { OidcServers } from './oidc/oidc-servers';

let config: DevIdpConfig;

void startService({
  name: 'dev-idp',
  defaultPort: DEV_IDP_PORT,
  module: () => {
    config = loadDevIdpConfig();
    if (config.production && !config.allowProduction) {
      throw new ConfigError([
        'NODE_ENV: dev-idp refuses to start with NODE_ENV=production: it is for development and tests only. ' +
          'Use a real identity provider (see the README), or set DEV_IDP_ALLOW_PRODUCTION=yes for a throw-away demo.',
      ]);
    }
    return AppModule.forRoot(config);
  },
  beforeListen: (app) => {
    app.use(app.get(OidcServers).middleware());
  },
  afterListen: () => {
    const logger = new Logger('dev-idp');
    logger.warn('dev-idp is for development and tests only: never protect real data with it.');
    logger.log(`Issuer (Fram's APIs trust it): ${config.origin}/oauth2/default`);
    logger.log(`Org authorization server:      ${config.origin}`);
    logger.log(
      config.keyFile
        ? `Signing keys: kept in ${config.keyFile}`
        : 'Signing keys: in memory, new at every start (set DATA_DIR to keep them)',
    );
    const logins = Object.entries(DEMO_LOGIN_ROLES).map(([login, groups]) => `${login} (${groups})`);
    logger.log(`Demo sign-ins, password fram-demo: ${logins.join('; ')}`);
    if (config.faults) logger.warn('Fault switches are ON (/admin/faults).');
  },
});
