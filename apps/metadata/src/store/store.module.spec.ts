import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthService } from '@fram/service';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import { EmbeddedMetadataStore } from './embedded/embedded-metadata-store';
import { CatalogStore } from './ports/catalog-store';
import { ChangeFeed } from './ports/change-feed';
import { DashboardStore } from './ports/dashboard-store';
import { LineageStore } from './ports/lineage-store';
import { PeopleStore } from './ports/people-store';
import { PopularityStore } from './ports/popularity-store';
import { ResourceStore } from './ports/resource-store';
import { StoreLifecycle } from './ports/store-lifecycle';
import { TableStore } from './ports/table-store';
import { StoreModule } from './store.module';

const databaseFile = join(mkdtempSync(join(tmpdir(), 'fram-store-module-')), 'metadata.sqlite');

@Global()
@Module({
  providers: [{ provide: METADATA_CONFIG, useValue: { backend: { kind: 'embedded', databaseFile } } }, HealthService],
  exports: [METADATA_CONFIG, HealthService],
})
class Dependencies {}

describe('StoreModule', () => {
  it('provides every port as the one adapter METADATA_BACKEND chose, registers its health check, and closes it at shutdown', async () => {
    const app = await Test.createTestingModule({ imports: [Dependencies, StoreModule] }).compile();
    await app.init();
    const adapter = app.get(TableStore);
    expect(adapter).toBeInstanceOf(EmbeddedMetadataStore);
    for (const port of [
      DashboardStore,
      ResourceStore,
      PeopleStore,
      LineageStore,
      PopularityStore,
      CatalogStore,
      ChangeFeed,
      StoreLifecycle,
    ]) {
      expect(app.get<unknown>(port)).toBe(adapter);
    }
    expect(await app.get(HealthService).report()).toMatchObject({ checks: { 'EmbeddedMetadataStore:connection': { status: 'ok' } } });
    await app.close();
    await expect(app.get(TableStore).getTable('hive://gold.core/orders')).rejects.toThrow();
  });
});
