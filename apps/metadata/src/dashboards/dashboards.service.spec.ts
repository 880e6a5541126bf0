import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, NotFoundError } from '@fram/errors';
import type { Principal } from '@fram/auth';
import type { MetadataConfig } from '../config/metadata-config';
import { ResourceEditor } from '../common/resource-editor';
import { EmbeddedMetadataStore } from '../store/embedded/embedded-metadata-store';
import type { UserResolver } from '../users/user-resolver';
import { DashboardsService } from './dashboards.service';

const KEY = 'mode_dashboard://prod.sales/weekly_revenue';
const writer = { kind: 'user', userId: 'ada@example.com', roles: ['read', 'write'] } as unknown as Principal;
const config = { badges: [{ badge_name: 'certified', category: 'table_status' }] } as unknown as MetadataConfig;

describe('DashboardsService', () => {
  let store: EmbeddedMetadataStore;
  const service = () => {
    const users = {} as UserResolver; // not reached by these edits
    return new DashboardsService(store, users, new ResourceEditor(store, users, config));
  };
  beforeEach(async () => {
    store = new EmbeddedMetadataStore(join(mkdtempSync(join(tmpdir(), 'fram-dashboards-')), 'metadata.sqlite'));
    await store.upsertDashboards([{ product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly_revenue' }], {
      actor: 't',
      at: 1,
    });
  });
  afterEach(() => store.close());

  it('answers 404 when the store says the dashboard is gone at the moment of the edit (it was removed after it was read)', async () => {
    // A double of the store's answer only: the real store found the dashboard, the edit then finds nothing.
    store.setDashboardDescription = async () => false;
    await expect(service().setDescription(KEY, 'Weekly revenue', writer)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a tag with a badge's name (409), as on tables", async () => {
    await expect(service().changeTag('add', KEY, 'certified', undefined, writer)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getDashboard(KEY))!.tags).toEqual([]);
  });
});
