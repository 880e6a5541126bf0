import type { BulletinStore } from './ports/bulletin-store';
import type { CatalogStore } from './ports/catalog-store';
import type { ChangeFeed } from './ports/change-feed';
import type { DashboardStore } from './ports/dashboard-store';
import type { FeatureStore } from './ports/feature-store';
import type { IngestLedger } from './ports/ingest-ledger';
import type { LineageStore } from './ports/lineage-store';
import type { PeopleStore } from './ports/people-store';
import type { PopularityStore } from './ports/popularity-store';
import type { ResourceStore } from './ports/resource-store';
import type { StoreLifecycle } from './ports/store-lifecycle';
import type { TableStore } from './ports/table-store';

/**
 * What a metadata store adapter implements: every port, on one connection
 * (EmbeddedMetadataStore on SQLite, Neo4jMetadataStore on Amundsen's graph).
 * Modules depend on the ports they use, never on this.
 */
export type MetadataStoreAdapter = TableStore &
  DashboardStore &
  ResourceStore &
  PeopleStore &
  LineageStore &
  PopularityStore &
  CatalogStore &
  ChangeFeed &
  StoreLifecycle &
  FeatureStore &
  BulletinStore &
  IngestLedger;
