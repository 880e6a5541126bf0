import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DevIdpConfig } from './dev-idp-config';
import { DEV_IDP_CONFIG } from './dev-idp-config.token';

/** Provides DEV_IDP_CONFIG: the configuration main.ts loaded once from the environment, or a test's. */
@Global()
@Module({})
export class DevIdpConfigModule {
  static forRoot(config: DevIdpConfig): DynamicModule {
    return { module: DevIdpConfigModule, providers: [{ provide: DEV_IDP_CONFIG, useValue: config }], exports: [DEV_IDP_CONFIG] };
  }
}
