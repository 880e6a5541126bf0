import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthService } from '@fram/service';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { EmbeddedMetadataStore } from './embedded/embedded-metadata-store';
import { MetadataStore } from './metadata-store';

/** The MetadataStore chosen by METADATA_BACKEND, with its health check. */
@Global()
@Module({
  providers: [
    {
      provide: MetadataStore,
      inject: [METADATA_CONFIG],
      useFactory: (config: MetadataConfig) => new EmbeddedMetadataStore(config.databaseFile),
    },
  ],
  exports: [MetadataStore],
})
export class StoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(MetadataStore) private readonly store: MetadataStore,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    this.health.register('EmbeddedMetadataStore:connection', () => this.store.health());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
