import type { DashboardRecord, TableRecord, TypeMetadata, TypeMetadataRecord } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import type { StoredTable } from '../ports/table-store';
import { DURATION, DURATION_KEY } from './feature-store.contract';
import { describeWithStore, ORDERS, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

const WEEKLY: DashboardRecord = {
  product: 'mode',
  cluster: 'prod',
  group_name: 'sales',
  name: 'weekly_revenue',
  description: 'Revenue by week',
  owners: ['barbara@example.com'],
  tags: ['kpi'],
};
const WEEKLY_KEY = 'mode_dashboard://prod.sales/weekly_revenue';
const loader = () => edit('fram-scripts');
const columnOf = (table: StoredTable | undefined, name: string) => table?.columns.find((c) => c.name === name);

/** ORDERS with a nested column, as dbt or databuilder send it: `shipping` {address {city, zip}, carrier}. */
const SHIPPED: TableRecord = {
  ...ORDERS,
  columns: [
    { name: 'order_id', col_type: 'bigint' },
    {
      name: 'shipping',
      col_type: 'struct<address:struct<city:string,zip:string>,carrier:string>',
      type_metadata: {
        kind: 'struct',
        name: 'shipping',
        data_type: 'struct<address:struct<city:string,zip:string>,carrier:string>',
        children: [
          {
            kind: 'struct',
            name: 'address',
            data_type: 'struct<city:string,zip:string>',
            description: 'Where it goes.',
            children: [
              {
                kind: 'scalar',
                name: 'city',
                data_type: 'string',
                description: 'City',
                badges: [{ badge_name: 'geo', category: 'type_metadata' }],
              },
              { kind: 'scalar', name: 'zip', data_type: 'string' },
            ],
          },
          { kind: 'scalar', name: 'carrier', data_type: 'string' },
        ],
      },
    },
  ],
};
const ADDRESS = `${ORDERS_KEY}/shipping/type/shipping/address`;
const CITY = `${ADDRESS}/city`;
const ZIP = `${ADDRESS}/zip`;
const PII = { badge_name: 'pii', category: 'type_metadata' };

/** SHIPPED with `address`'s children (city, zip) replaced by what `change` makes of them. */
function shippedWith(change: (children: TypeMetadataRecord[]) => TypeMetadataRecord[]): TableRecord {
  const [orderId, shipping] = SHIPPED.columns!;
  const root = shipping.type_metadata!;
  const [address, carrier] = root.children!;
  const children = [{ ...address, children: change(address.children!) }, carrier];
  return { ...SHIPPED, columns: [orderId, { ...shipping, type_metadata: { ...root, children } }] };
}

/** The nested type `key` of the table's columns, found anywhere in their trees. */
function nestedType(table: StoredTable | undefined, key: string): TypeMetadata | undefined {
  const find = (node: TypeMetadata | null): TypeMetadata | undefined =>
    node === null ? undefined : node.key === key ? node : node.children.map(find).find((found) => found !== undefined);
  return (table?.columns ?? []).map((c) => find(c.type_metadata)).find((found) => found !== undefined);
}

/**
 * What every adapter must do so that loaders can re-run (issue 16): what people edit in Fram survives a
 * re-ingest. A person's description wins over the ingested one, which is kept apart (and shown, for tables and
 * features, as the programmatic description `ingested`); an ingested list of tags, badges or owners replaces
 * only what ingestion put there. Columns and their nested types keep theirs while the source still sends them.
 */
export function describeEditsSurviveIngestContract(name: string, open: OpenStore): void {
  describeWithStore(`Edits survive re-ingestion contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it("keeps a person's table description over a re-ingested one, and shows the ingested one as programmatic `ingested`", async () => {
      await store.setTableDescription(ORDERS_KEY, 'Orders, deduplicated by Grace.', edit('grace@example.com'));
      await store.upsertTables([{ ...ORDERS, description: 'One row per order line.' }], loader());
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.description).toBe('Orders, deduplicated by Grace.');
      expect(table!.programmatic_descriptions).toEqual([{ source: 'ingested', text: 'One row per order line.' }]);
      // The ingested text is kept apart, not shown twice: it goes from view once it says what the person wrote.
      await store.upsertTables([{ ...ORDERS, description: 'Orders, deduplicated by Grace.' }], loader());
      expect((await store.getTable(ORDERS_KEY))!.programmatic_descriptions).toEqual([]);
    });

    it('shows the ingested table description as before while no person edited it, with the programmatic ones given', async () => {
      await store.upsertTables(
        [
          {
            ...ORDERS,
            description: 'One row per order line.',
            programmatic_descriptions: [{ source: 'dbt', text: 'Built by orders.sql' }],
          },
        ],
        loader(),
      );
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.description).toBe('One row per order line.');
      expect(table!.programmatic_descriptions).toEqual([{ source: 'dbt', text: 'Built by orders.sql' }]);
    });

    it("keeps a person's emptied table description: an edit wins even when empty, the ingested text stays in view", async () => {
      await store.setTableDescription(ORDERS_KEY, '', edit('grace@example.com'));
      await store.upsertTables([ORDERS], loader());
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.description).toBe('');
      expect(table!.programmatic_descriptions).toEqual([{ source: 'ingested', text: 'One row per order.' }]);
    });

    it("keeps a kept column's person-edited description and hand-added badges; ingested badges follow the source", async () => {
      await store.setColumnDescription(ORDERS_KEY, 'amount', 'In EUR, taxes included', edit('grace@example.com'));
      await store.addColumnBadge(ORDERS_KEY, 'amount', { badge_name: 'pii', category: 'column' }, edit('grace@example.com'));
      await store.upsertTables(
        [
          {
            ...ORDERS,
            columns: [
              { name: 'order_id', col_type: 'bigint', description: 'Primary key' },
              { name: 'amount', col_type: 'decimal(14,2)', description: 'Amount', badges: [{ badge_name: 'money', category: 'column' }] },
            ],
          },
        ],
        loader(),
      );
      let table = await store.getTable(ORDERS_KEY);
      expect(table!.columns.map((c) => c.name)).toEqual(['order_id', 'amount']);
      expect(columnOf(table, 'amount')).toMatchObject({
        col_type: 'decimal(14,2)',
        description: 'In EUR, taxes included',
        badges: [
          { badge_name: 'money', category: 'column' },
          { badge_name: 'pii', category: 'column' },
        ],
      });
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'amount', col_type: 'decimal(14,2)', description: 'Amount' }] }], loader());
      table = await store.getTable(ORDERS_KEY);
      expect(columnOf(table, 'amount')).toMatchObject({
        description: 'In EUR, taxes included',
        badges: [{ badge_name: 'pii', category: 'column' }],
      });
      // The columns nobody edited show what was ingested, as before.
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'order_id', col_type: 'bigint', description: 'The key' }] }], loader());
      expect(columnOf(await store.getTable(ORDERS_KEY), 'order_id')!.description).toBe('The key');
    });

    it('drops a column the source no longer has, with what people put on it; a column coming back starts afresh', async () => {
      await store.setColumnDescription(ORDERS_KEY, 'amount', 'In EUR', edit('grace@example.com'));
      await store.addColumnBadge(ORDERS_KEY, 'amount', { badge_name: 'pii', category: 'column' }, edit('grace@example.com'));
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'order_id', col_type: 'bigint' }] }], loader());
      expect((await store.getTable(ORDERS_KEY))!.columns.map((c) => c.name)).toEqual(['order_id']);
      expect(await store.setColumnDescription(ORDERS_KEY, 'amount', 'x', edit())).toBe(false);
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'amount', col_type: 'decimal', description: 'Amount' }] }], loader());
      expect(columnOf(await store.getTable(ORDERS_KEY), 'amount')).toMatchObject({ description: 'Amount', badges: [] });
    });

    it("keeps a nested field's person-edited description and hand-added badges over identical re-ingests", async () => {
      await store.upsertTables([SHIPPED], loader());
      expect(await store.setTypeMetadataDescription(ORDERS_KEY, CITY, 'Post town, as on the label.', edit('grace@example.com'))).toBe(true);
      expect(await store.addTypeMetadataBadge(ORDERS_KEY, CITY, PII, edit('grace@example.com'))).toBe(true);
      expect(await store.addTypeMetadataBadge(ORDERS_KEY, ZIP, PII, edit('grace@example.com'))).toBe(true);
      // Twice: what the first re-ingest leaves must hold up to the next.
      for (let run = 0; run < 2; run++) {
        await store.upsertTables([SHIPPED], loader());
        const table = await store.getTable(ORDERS_KEY);
        expect(nestedType(table, CITY)).toMatchObject({
          description: 'Post town, as on the label.',
          badges: [{ badge_name: 'geo', category: 'type_metadata' }, PII],
        });
        expect(nestedType(table, ZIP)).toMatchObject({ description: null, badges: [PII] });
        expect(nestedType(table, ADDRESS)).toMatchObject({ description: 'Where it goes.', children: [{ key: CITY }, { key: ZIP }] });
      }
    });

    it("keeps a person's nested description over a changed ingested one; ingested badges and untouched fields follow the source", async () => {
      await store.upsertTables([SHIPPED], loader());
      await store.setTypeMetadataDescription(ORDERS_KEY, CITY, 'Post town, as on the label.', edit('grace@example.com'));
      await store.addTypeMetadataBadge(ORDERS_KEY, CITY, PII, edit('grace@example.com'));
      await store.upsertTables(
        [
          shippedWith(([city, zip]) => [
            { ...city, description: 'Town or city', data_type: 'varchar', badges: [] },
            { ...zip, description: 'Postal code', badges: [{ badge_name: 'geo', category: 'type_metadata' }] },
          ]),
        ],
        loader(),
      );
      const table = await store.getTable(ORDERS_KEY);
      expect(nestedType(table, CITY)).toMatchObject({ data_type: 'varchar', description: 'Post town, as on the label.', badges: [PII] });
      expect(nestedType(table, ZIP)).toMatchObject({
        description: 'Postal code',
        badges: [{ badge_name: 'geo', category: 'type_metadata' }],
      });
      expect(nestedType(table, ADDRESS)!.description).toBe('Where it goes.');
      // Emptied by a person, it stays empty: an edit wins even when empty.
      await store.setTypeMetadataDescription(ORDERS_KEY, ZIP, '', edit('grace@example.com'));
      await store.upsertTables([SHIPPED], loader());
      expect(nestedType(await store.getTable(ORDERS_KEY), ZIP)!.description).toBe('');
    });

    it('drops a nested field the source no longer sends, with what people put on it; one coming back starts afresh', async () => {
      await store.upsertTables([SHIPPED], loader());
      await store.setTypeMetadataDescription(ORDERS_KEY, CITY, 'Post town', edit('grace@example.com'));
      await store.addTypeMetadataBadge(ORDERS_KEY, CITY, PII, edit('grace@example.com'));
      await store.upsertTables([shippedWith(([, zip]) => [zip])], loader());
      let table = await store.getTable(ORDERS_KEY);
      expect(nestedType(table, CITY)).toBeUndefined();
      expect(nestedType(table, ADDRESS)!.children.map((c) => c.key)).toEqual([ZIP]);
      expect(await store.setTypeMetadataDescription(ORDERS_KEY, CITY, 'x', edit())).toBe(false);
      await store.upsertTables([SHIPPED], loader());
      expect(nestedType(await store.getTable(ORDERS_KEY), CITY)).toMatchObject({
        description: 'City',
        badges: [{ badge_name: 'geo', category: 'type_metadata' }],
      });
      // A column that goes takes its nested fields with it, and what people put on them.
      await store.setTypeMetadataDescription(ORDERS_KEY, CITY, 'Post town', edit('grace@example.com'));
      await store.addTypeMetadataBadge(ORDERS_KEY, CITY, PII, edit('grace@example.com'));
      await store.upsertTables([{ ...SHIPPED, columns: [SHIPPED.columns![0]] }], loader());
      table = await store.getTable(ORDERS_KEY);
      expect(table!.columns.map((c) => c.name)).toEqual(['order_id']);
      await store.upsertTables([SHIPPED], loader());
      expect(nestedType(await store.getTable(ORDERS_KEY), CITY)).toMatchObject({
        description: 'City',
        badges: [{ badge_name: 'geo', category: 'type_metadata' }],
      });
    });

    it('keeps tags, badges and owners people added when a re-ingest sends other lists; ingested ones not sent again go', async () => {
      await store.addTag('table', ORDERS_KEY, { tag_name: 'finance', tag_type: 'default' }, edit('grace@example.com'));
      await store.addBadge('table', ORDERS_KEY, { badge_name: 'gold', category: 'table_status' }, edit('grace@example.com'));
      await store.addOwner('table', ORDERS_KEY, 'grace@example.com', edit('grace@example.com'));
      await store.upsertTables(
        [{ ...ORDERS, tags: ['revenue'], badges: [{ badge_name: 'beta', category: 'table_status' }], owners: ['linus@example.com'] }],
        loader(),
      );
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['finance', 'revenue']);
      expect(table!.badges.map((b) => b.badge_name)).toEqual(['beta', 'gold']);
      expect(table!.owners).toEqual(['grace@example.com', 'linus@example.com']);
    });

    it('keeps one row for what a person added and ingestion sends too, and keeps it when ingestion stops sending it', async () => {
      await store.addTag('table', ORDERS_KEY, { tag_name: 'sales', tag_type: 'default' }, edit('grace@example.com'));
      await store.addOwner('table', ORDERS_KEY, 'ada@example.com', edit('grace@example.com'));
      await store.upsertTables([ORDERS], loader());
      let table = await store.getTable(ORDERS_KEY);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['core', 'sales']);
      expect(table!.owners).toEqual(['ada@example.com']);
      await store.upsertTables([{ ...ORDERS, tags: [], owners: [] }], loader());
      table = await store.getTable(ORDERS_KEY);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['sales']);
      expect(table!.owners).toEqual(['ada@example.com']);
    });

    it('removes an ingested tag a person removes (until a later run sends it again)', async () => {
      await store.removeTag('table', ORDERS_KEY, 'core', edit('grace@example.com'));
      expect((await store.getTable(ORDERS_KEY))!.tags.map((t) => t.tag_name)).toEqual(['sales']);
      await store.upsertTables([ORDERS], loader());
      expect((await store.getTable(ORDERS_KEY))!.tags.map((t) => t.tag_name)).toEqual(['core', 'sales']);
    });

    it("keeps a person's dashboard description, tags and owners over a re-ingest", async () => {
      await store.upsertDashboards([WEEKLY], loader());
      await store.setDashboardDescription(WEEKLY_KEY, 'Net revenue by ISO week', edit('grace@example.com'));
      await store.addTag('dashboard', WEEKLY_KEY, { tag_name: 'finance', tag_type: 'default' }, edit('grace@example.com'));
      await store.addOwner('dashboard', WEEKLY_KEY, 'grace@example.com', edit('grace@example.com'));
      await store.upsertDashboards(
        [{ ...WEEKLY, description: 'Revenue per week', tags: ['weekly'], owners: ['linus@example.com'] }],
        loader(),
      );
      const dashboard = await store.getDashboard(WEEKLY_KEY);
      expect(dashboard).toMatchObject({
        description: 'Net revenue by ISO week',
        tags: [
          { tag_name: 'finance', tag_type: 'default' },
          { tag_name: 'weekly', tag_type: 'default' },
        ],
        owners: ['grace@example.com', 'linus@example.com'],
      });
      // Untouched dashboards keep following the source.
      await store.upsertDashboards([{ ...WEEKLY, name: 'daily_revenue', description: 'Revenue per day' }], loader());
      expect((await store.getDashboard('mode_dashboard://prod.sales/daily_revenue'))!.description).toBe('Revenue per day');
    });

    it("keeps a person's feature description (the ingested one shown as `ingested`), tags, badges and owners over a re-ingest", async () => {
      await store.upsertFeatures([DURATION], loader());
      await store.setFeatureDescription(DURATION_KEY, 'Minutes, door to door.', edit('grace@example.com'));
      await store.addTag('feature', DURATION_KEY, { tag_name: 'eta', tag_type: 'default' }, edit('grace@example.com'));
      await store.addBadge('feature', DURATION_KEY, { badge_name: 'gold', category: 'table_status' }, edit('grace@example.com'));
      await store.addOwner('feature', DURATION_KEY, 'grace@example.com', edit('grace@example.com'));
      await store.upsertFeatures([{ ...DURATION, tags: ['rides'], badges: [], owners: ['linus@example.com'] }], loader());
      const feature = await store.getFeature(DURATION_KEY);
      expect(feature).toMatchObject({
        description: 'Minutes, door to door.',
        programmatic_descriptions: [
          { source: 'dbt', text: 'Built by rides_features.' },
          { source: 'ingested', text: 'Minutes from pick-up to drop-off.' },
          { source: 'quality', text: 'Null for cancelled rides.' },
        ],
        tags: [
          { tag_name: 'eta', tag_type: 'default' },
          { tag_name: 'rides', tag_type: 'default' },
        ],
        badges: [{ badge_name: 'gold', category: 'table_status' }],
        owners: ['grace@example.com', 'linus@example.com'],
      });
    });
  });
}
