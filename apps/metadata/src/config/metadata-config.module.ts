import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadMetadataConfig, type MetadataConfig } from './metadata-config';
import { METADATA_CONFIG } from './metadata-config.token';

/** Provides METADATA_CONFIG: the given configuration (tests), or the environment's, read once when the app is created. */
@Global()
@Module({})
export class MetadataConfigModule {
  static forRoot(config?: MetadataConfig): DynamicModule {
    return {
      module: MetadataConfigModule,
      providers: [
        config ? { provide: METADATA_CONFIG, useValue: config } : { provide: METADATA_CONFIG, useFactory: () => loadMetadataConfig() },
      ],
      exports: [METADATA_CONFIG],
    };
  }
}
