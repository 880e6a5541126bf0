import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadFrontendConfig, type FrontendConfig } from './frontend-config';
import { FRONTEND_CONFIG } from './frontend-config.token';

/** Provides FRONTEND_CONFIG: the given configuration (tests), or the environment's, read once when the app is created. */
@Global()
@Module({})
export class FrontendConfigModule {
  static forRoot(config?: FrontendConfig): DynamicModule {
    return {
      module: FrontendConfigModule,
      providers: [
        config ? { provide: FRONTEND_CONFIG, useValue: config } : { provide: FRONTEND_CONFIG, useFactory: () => loadFrontendConfig() },
      ],
      exports: [FRONTEND_CONFIG],
    };
  }
}
