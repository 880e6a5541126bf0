import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { loadDevIdpConfig, type DevIdpConfig } from '../config/dev-idp-config';
import { DevIdpConfigModule } from '../config/dev-idp-config.module';
import { FaultsModule } from '../faults/faults.module';
import { InteractionModule } from '../interaction/interaction.module';
import { OidcModule } from '../oidc/oidc.module';
import { UsersApiModule } from '../users-api/users-api.module';

@Controller()
class HealthController {
  @Get('healthcheck')
  health() {
    return { status: 'ok', checks: {} };
  }
}

/**
 * dev-idp (port 5005): an Okta-compatible OpenID provider for development and
 * tests, built on oidc-provider. Not a Fram resource server: its routes are the
 * IdP's own (sign-in pages, OIDC endpoints, Users API with Okta's auth).
 */
@Module({})
export class AppModule {
  /** `config`: main.ts's, loaded once from the environment; tests pass their own. */
  static forRoot(config: DevIdpConfig = loadDevIdpConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [DevIdpConfigModule.forRoot(config), OidcModule.forRoot(config), InteractionModule, UsersApiModule, FaultsModule],
      controllers: [HealthController],
    };
  }
}
