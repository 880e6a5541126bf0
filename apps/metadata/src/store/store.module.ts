import { Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthService } from '@fram/service';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { EmbeddedMetadataStore } from './embedded/embedded-metadata-store';
import { MetadataStore } from './metadata-store';
import { Neo4jMetadataStore } from './neo4j/neo4j-metadata-store';

/** The MetadataStore chosen by METADATA_BACKEND, with its health check. */
@Global()
@Module({
  providers: [
    {
      provide: MetadataStore,
      inject: [METADATA_CONFIG],
      useFactory: (config: MetadataConfig): MetadataStore =>
        config.backend.kind === 'neo4j' ? new Neo4jMetadataStore(config.backend) : new EmbeddedMetadataStore(config.backend.databaseFile),
    },
  ],
  exports: [MetadataStore],
})
export class StoreModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('StoreModule');

  constructor(
    @Inject(MetadataStore) private readonly store: MetadataStore,
    private readonly health: HealthService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register(`${this.store.constructor.name}:connection`, () => this.store.health());
    if (this.store instanceof Neo4jMetadataStore) {
      // Neo4j may not be up yet; the service starts anyway, answers 503 until it is, and recovers by itself.
      await this.store
        .prepare()
        .catch((error: unknown) =>
          this.logger.warn(`Neo4j constraints not created yet: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
