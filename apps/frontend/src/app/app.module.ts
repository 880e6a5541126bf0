import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, type AuthConfig } from '@fram/auth';
import { HealthModule, KeySetHealthModule, MetricsModule, WhoAmIModule } from '@fram/service';
import { BackendsModule } from '../backends/backends.module';
import { ClockModule } from '../common/clock.module';
import type { FrontendConfig } from '../config/frontend-config';
import { FrontendConfigModule } from '../config/frontend-config.module';
import { IntegrationsApiModule } from '../integrations-api/integrations-api.module';
import { LogApiModule } from '../log-api/log-api.module';
import { LoginModule } from '../login/login.module';
import { MetadataApiModule } from '../metadata-api/metadata-api.module';
import { SearchApiModule } from '../search-api/search-api.module';
import { WebUiModule } from '../web-ui/web-ui.module';

export interface FrontendAppOptions {
  /** The environment's (loadFrontendConfig) unless given. */
  frontend?: FrontendConfig;
  /** The environment's (loadAuthConfig) unless given. */
  auth?: AuthConfig;
}

/**
 * The frontend (port 5000): the browser's door (sign-in, server-side sessions,
 * the web UI) and Amundsen's frontend API, which API clients may also call
 * with a bearer token. Metadata and search get the caller's access token.
 */
@Module({})
export class AppModule {
  static forRoot(options: FrontendAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        FrontendConfigModule.forRoot(options.frontend),
        AuthModule.forRoot({ config: options.auth }),
        ClockModule,
        HealthModule,
        KeySetHealthModule,
        WhoAmIModule,
        MetricsModule,
        LoginModule,
        BackendsModule,
        MetadataApiModule,
        SearchApiModule,
        LogApiModule,
        IntegrationsApiModule,
        WebUiModule,
      ],
    };
  }
}
