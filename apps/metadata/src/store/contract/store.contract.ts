import { describeBulletinStoreContract } from './bulletin-store.contract';
import { describeCatalogStoreContract } from './catalog-store.contract';
import { describeChangeFeedContract } from './change-feed.contract';
import { describeDashboardStoreContract } from './dashboard-store.contract';
import { describeEditsSurviveIngestContract } from './edits-survive-ingest.contract';
import { describeFeatureStoreContract } from './feature-store.contract';
import type { OpenStore } from './fixtures.contract';
import { describeIngestLedgerContract } from './ingest-ledger.contract';
import { describeLineageStoreContract } from './lineage-store.contract';
import { describePeopleStoreContract } from './people-store.contract';
import { describePopularityStoreContract } from './popularity-store.contract';
import { describeResourceStoreContract } from './resource-store.contract';
import { describeSharedDescriptionsContract } from './shared-descriptions.contract';
import { describeStoreLifecycleContract } from './store-lifecycle.contract';
import { describeTableStoreContract } from './table-store.contract';

/**
 * The behaviour every metadata store adapter must have, port by port. Runs
 * against the embedded store always, and against Neo4j when NEO4J_URI is set.
 */
export function describeStoreContracts(name: string, open: OpenStore): void {
  describeTableStoreContract(name, open);
  describeDashboardStoreContract(name, open);
  describeResourceStoreContract(name, open);
  describePeopleStoreContract(name, open);
  describeLineageStoreContract(name, open);
  describePopularityStoreContract(name, open);
  describeCatalogStoreContract(name, open);
  describeChangeFeedContract(name, open);
  describeStoreLifecycleContract(name, open);
  describeFeatureStoreContract(name, open);
  describeBulletinStoreContract(name, open);
  describeSharedDescriptionsContract(name, open);
  describeIngestLedgerContract(name, open);
  describeEditsSurviveIngestContract(name, open);
}
