import { Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthService } from '@fram/service';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { EmbeddedMetadataStore } from './embedded/embedded-metadata-store';
import type { MetadataStoreAdapter } from './metadata-store-adapter';
import { Neo4jMetadataStore } from './neo4j/neo4j-metadata-store';
import { CatalogStore } from './ports/catalog-store';
import { ChangeFeed } from './ports/change-feed';
import { DashboardStore } from './ports/dashboard-store';
import { FeatureStore } from './ports/feature-store';
import { IngestLedger } from './ports/ingest-ledger';
import { BulletinStore } from './ports/bulletin-store';
import { LineageStore } from './ports/lineage-store';
import { PeopleStore } from './ports/people-store';
import { PopularityStore } from './ports/popularity-store';
import { ResourceStore } from './ports/resource-store';
import { StoreLifecycle } from './ports/store-lifecycle';
import { TableStore } from './ports/table-store';

/** The one adapter instance behind every port. */
const ADAPTER = Symbol('MetadataStoreAdapter');

const PORTS = [
  TableStore,
  DashboardStore,
  ResourceStore,
  PeopleStore,
  LineageStore,
  PopularityStore,
  CatalogStore,
  ChangeFeed,
  StoreLifecycle,
  FeatureStore,
  BulletinStore,
  IngestLedger,
];

/** The store adapter chosen by METADATA_BACKEND, provided as each of its ports, with its health check. */
@Global()
@Module({
  providers: [
    {
      provide: ADAPTER,
      inject: [METADATA_CONFIG],
      useFactory: (config: MetadataConfig): MetadataStoreAdapter =>
        config.backend.kind === 'neo4j' ? new Neo4jMetadataStore(config.backend) : new EmbeddedMetadataStore(config.backend.databaseFile),
    },
    ...PORTS.map((port) => ({ provide: port, useExisting: ADAPTER })),
  ],
  exports: PORTS,
})
export class StoreModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('StoreModule');

  constructor(
    @Inject(StoreLifecycle) private readonly store: StoreLifecycle,
    private readonly health: HealthService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register(`${this.store.constructor.name}:connection`, () => this.store.health());
    // The server may not be up yet; the service starts anyway, answers 503 until it is, and recovers by itself.
    await this.store
      .prepare()
      .catch((error: unknown) =>
        this.logger.warn(`${this.store.constructor.name} not prepared yet: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
