import { Global, Module } from '@nestjs/common';
import { loadMetadataConfig } from './metadata-config';
import { METADATA_CONFIG } from './metadata-config.token';

/** The metadata service's configuration, read from the environment when the app is created. */
@Global()
@Module({
  providers: [{ provide: METADATA_CONFIG, useFactory: () => loadMetadataConfig() }],
  exports: [METADATA_CONFIG],
})
export class MetadataConfigModule {}
