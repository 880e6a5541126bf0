import type { TableRecord } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** A table with everything Amundsen's TableSchema has, as databuilder would write it (names with spaces too). */
const EVENTS_RAW: TableRecord = {
  database: 'hive',
  cluster: 'gold',
  schema: 'raw events',
  name: 'page views',
  description: 'Every page view.',
  columns: [
    {
      name: 'payload',
      col_type: 'struct<user:struct<id:bigint,email:string>,tags:array<string>>',
      badges: [{ badge_name: 'pii', category: 'column' }],
      stats: [
        { stat_type: 'nulls', stat_val: '0', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400 },
        { stat_type: 'distinct', stat_val: '1042', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400, is_metric: true },
      ],
      type_metadata: {
        kind: 'struct',
        name: 'payload',
        data_type: 'struct<user:struct<id:bigint,email:string>,tags:array<string>>',
        children: [
          {
            kind: 'struct',
            name: 'user',
            data_type: 'struct<id:bigint,email:string>',
            description: 'Who viewed.',
            children: [
              { kind: 'scalar', name: 'id', data_type: 'bigint' },
              { kind: 'scalar', name: 'email', data_type: 'string', badges: [{ badge_name: 'pii', category: 'type_metadata' }] },
            ],
          },
          { kind: 'array', name: 'tags', data_type: 'array<string>' },
        ],
      },
    },
    { name: 'viewed_at', col_type: 'timestamp', description: 'When.' },
  ],
  programmatic_descriptions: [
    { source: 'quality', text: 'Checked daily.' },
    { source: 'dbt', text: 'Built by dbt.' },
  ],
  watermarks: [
    { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2023-01-01', create_time: '2023-01-02 00:00:00' },
    { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01 00:00:00' },
  ],
  applications: [
    { id: 'events/load_page_views', name: 'Airflow', kind: 'Producing', application_url: 'https://airflow.example.com/events' },
    { id: 'reports/views', name: 'Airflow', kind: 'Consuming', description: 'Weekly report' },
  ],
  source: { source_type: 'github', source: 'https://github.com/example/events/blob/main/page_views.sql' },
  resource_reports: [
    { name: 'Quality', url: 'https://reports.example.com/quality' },
    { name: 'Freshness', url: 'https://reports.example.com/freshness' },
  ],
  last_updated_timestamp: 1_719_792_000,
};
const EVENTS_RAW_KEY = 'hive://gold.raw events/page views';
const PAYLOAD = `${EVENTS_RAW_KEY}/payload`;
const USER_TYPE = `${PAYLOAD}/type/payload/user`;
const EMAIL_TYPE = `${USER_TYPE}/email`;

/** What every TableStore adapter must do: tables and their columns. */
export function describeTableStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`TableStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it('returns a table with its columns in order, tags, badges and owners', async () => {
      const table = await store.getTable(ORDERS_KEY);
      expect(table).toMatchObject({
        key: ORDERS_KEY,
        database: 'hive',
        cluster: 'gold',
        schema: 'core',
        name: 'orders',
        is_view: false,
        description: 'One row per order.',
        last_updated_timestamp: 1_700_000_000,
        owners: ['ada@example.com'],
        readers: [],
      });
      expect(table!.columns.map((c) => [c.name, c.col_type, c.sort_order, c.description])).toEqual([
        ['order_id', 'bigint', 0, 'Primary key'],
        ['customer_id', 'bigint', 1, null],
        ['amount', 'decimal(12,2)', 2, null],
      ]);
      expect(table!.tags).toEqual([
        { tag_name: 'core', tag_type: 'default' },
        { tag_name: 'sales', tag_type: 'default' },
      ]);
      expect(table!.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
      expect(await store.getTable('hive://gold.core/nope')).toBeUndefined();
    });

    it('reads many tables at once, each as getTable answers it, in the order asked, skipping missing ones', async () => {
      await store.upsertReads(
        [
          { user: 'ada@example.com', table_key: ORDERS_KEY, read_count: 40 },
          { user: 'grace@example.com', table_key: ORDERS_KEY, read_count: 7 },
        ],
        edit('fram-scripts'),
      );
      await store.setColumnDescription(ORDERS_KEY, 'amount', 'In EUR', edit());
      await store.addBadge('table', ORDERS_KEY, { badge_name: 'beta', category: 'table_status' }, edit());
      const keys = ['bigquery://prod.analytics/events', 'hive://gold.core/nope', ORDERS_KEY, 'hive://gold.core/customers'];
      const one = await Promise.all(keys.map((k) => store.getTable(k)));
      expect(await store.tablesByKeys(keys)).toEqual(one.filter((t) => t !== undefined));
      expect((await store.tablesByKeys(keys)).map((t) => t.key)).toEqual([
        'bigquery://prod.analytics/events',
        ORDERS_KEY,
        'hive://gold.core/customers',
      ]);
      expect(await store.tablesByKeys([])).toEqual([]);
    });

    it('re-ingesting a table replaces its columns, tags and owners (idempotent)', async () => {
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'id', col_type: 'int' }], tags: ['sales'], owners: [] }], edit());
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'id', col_type: 'int' }], tags: ['sales'], owners: [] }], edit());
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.columns.map((c) => c.name)).toEqual(['id']);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['sales']);
      expect(table!.owners).toEqual([]);
    });

    it('sets table and column descriptions, and says when the table or column is missing', async () => {
      expect(await store.setTableDescription(ORDERS_KEY, 'Orders, deduplicated.', edit())).toBe(true);
      expect(await store.setColumnDescription(ORDERS_KEY, 'amount', 'In EUR', edit())).toBe(true);
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.description).toBe('Orders, deduplicated.');
      expect(table!.columns.find((c) => c.name === 'amount')!.description).toBe('In EUR');
      expect(await store.setTableDescription('hive://gold.core/nope', 'x', edit())).toBe(false);
      expect(await store.setColumnDescription(ORDERS_KEY, 'nope', 'x', edit())).toBe(false);
    });

    it("keeps everything Amundsen's TableSchema has: descriptions by programs, watermarks, applications, source, reports, column stats, badges and nested types", async () => {
      await store.upsertTables([EVENTS_RAW], edit('fram-scripts'));
      const table = await store.getTable(EVENTS_RAW_KEY);
      expect(table).toMatchObject({
        key: EVENTS_RAW_KEY,
        schema: 'raw events',
        name: 'page views',
        description: 'Every page view.',
        last_updated_timestamp: 1_719_792_000,
        programmatic_descriptions: [
          { source: 'dbt', text: 'Built by dbt.' },
          { source: 'quality', text: 'Checked daily.' },
        ],
        watermarks: [
          { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01 00:00:00' },
          { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2023-01-01', create_time: '2023-01-02 00:00:00' },
        ],
        producing_apps: [
          { id: 'events/load_page_views', name: 'Airflow', application_url: 'https://airflow.example.com/events', description: null },
        ],
        consuming_apps: [{ id: 'reports/views', name: 'Airflow', application_url: null, description: 'Weekly report' }],
        source: { source_type: 'github', source: 'https://github.com/example/events/blob/main/page_views.sql' },
        resource_reports: [
          { name: 'Freshness', url: 'https://reports.example.com/freshness' },
          { name: 'Quality', url: 'https://reports.example.com/quality' },
        ],
      });
      const [payload, viewedAt] = table!.columns;
      expect(viewedAt).toEqual({
        name: 'viewed_at',
        col_type: 'timestamp',
        sort_order: 1,
        description: 'When.',
        badges: [],
        stats: [],
        type_metadata: null,
      });
      expect(payload.badges).toEqual([{ badge_name: 'pii', category: 'column' }]);
      expect(payload.stats).toEqual([
        { stat_type: 'distinct', stat_val: '1042', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400, is_metric: true },
        { stat_type: 'nulls', stat_val: '0', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400, is_metric: null },
      ]);
      const scalar = (name: string, key: string, extra: object = {}) => ({
        kind: 'scalar',
        name,
        key,
        description: null,
        sort_order: 0,
        badges: [],
        children: [],
        ...extra,
      });
      expect(payload.type_metadata).toEqual({
        kind: 'struct',
        name: 'payload',
        key: `${PAYLOAD}/type/payload`,
        description: null,
        data_type: 'struct<user:struct<id:bigint,email:string>,tags:array<string>>',
        sort_order: 0,
        badges: [],
        children: [
          {
            kind: 'struct',
            name: 'user',
            key: USER_TYPE,
            description: 'Who viewed.',
            data_type: 'struct<id:bigint,email:string>',
            sort_order: 0,
            badges: [],
            children: [
              scalar('id', `${USER_TYPE}/id`, { data_type: 'bigint' }),
              scalar('email', EMAIL_TYPE, {
                data_type: 'string',
                sort_order: 1,
                badges: [{ badge_name: 'pii', category: 'type_metadata' }],
              }),
            ],
          },
          { ...scalar('tags', `${PAYLOAD}/type/payload/tags`, { data_type: 'array<string>', sort_order: 1 }), kind: 'array' },
        ],
      });
      expect(await store.tablesByKeys([EVENTS_RAW_KEY])).toEqual([table]);
    });

    it('shows only tags of the default type on a table, as Amundsen does', async () => {
      expect(await store.addTag('table', ORDERS_KEY, { tag_name: 'gold', tag_type: 'tier' }, edit())).toBe(true);
      expect((await store.getTable(ORDERS_KEY))!.tags.map((t) => t.tag_name)).toEqual(['core', 'sales']);
      expect((await store.tablesByKeys([ORDERS_KEY]))[0].tags.map((t) => t.tag_name)).toEqual(['core', 'sales']);
    });

    it('re-ingesting keeps what a record leaves out and replaces what it gives, columns with all they hold but what people added', async () => {
      await store.upsertTables([EVENTS_RAW], edit('fram-scripts'));
      expect(await store.addColumnBadge(EVENTS_RAW_KEY, 'viewed_at', { badge_name: 'partition', category: 'column' }, edit())).toBe(true);
      await store.upsertTables(
        [
          {
            database: 'hive',
            cluster: 'gold',
            schema: 'raw events',
            name: 'page views',
            columns: [
              { name: 'viewed_at', col_type: 'timestamp' },
              { name: 'payload', col_type: 'string', stats: [{ stat_type: 'nulls', stat_val: '3' }] },
            ],
            watermarks: [],
            source: null,
          },
        ],
        edit('fram-scripts'),
      );
      const table = (await store.getTable(EVENTS_RAW_KEY))!;
      expect(table.columns).toEqual([
        {
          name: 'viewed_at',
          col_type: 'timestamp',
          sort_order: 0,
          description: null,
          badges: [{ badge_name: 'partition', category: 'column' }],
          stats: [],
          type_metadata: null,
        },
        {
          name: 'payload',
          col_type: 'string',
          sort_order: 1,
          description: null,
          badges: [],
          stats: [{ stat_type: 'nulls', stat_val: '3', start_epoch: null, end_epoch: null, is_metric: null }],
          type_metadata: null,
        },
      ]);
      expect(table.watermarks).toEqual([]);
      expect(table.source).toBeNull();
      expect(table.programmatic_descriptions.map((d) => d.source)).toEqual(['dbt', 'quality']);
      expect(table.producing_apps.map((a) => a.id)).toEqual(['events/load_page_views']);
      expect(table.resource_reports.map((r) => r.name)).toEqual(['Freshness', 'Quality']);
      expect(await store.setTypeMetadataDescription(EVENTS_RAW_KEY, USER_TYPE, 'x', edit())).toBe(false);
    });

    it('adds and removes column badges, only on columns of the table', async () => {
      const pii = { badge_name: 'pii', category: 'column' };
      expect(await store.addColumnBadge(ORDERS_KEY, 'customer_id', pii, edit())).toBe(true);
      expect(await store.addColumnBadge(ORDERS_KEY, 'customer_id', { badge_name: 'key', category: 'column' }, edit())).toBe(true);
      expect((await store.getTable(ORDERS_KEY))!.columns.find((c) => c.name === 'customer_id')!.badges).toEqual([
        { badge_name: 'key', category: 'column' },
        pii,
      ]);
      expect(await store.removeColumnBadge(ORDERS_KEY, 'customer_id', pii, edit())).toBe(true);
      expect((await store.getTable(ORDERS_KEY))!.columns.find((c) => c.name === 'customer_id')!.badges).toEqual([
        { badge_name: 'key', category: 'column' },
      ]);
      expect((await store.getTable(ORDERS_KEY))!.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
      expect(await store.addColumnBadge(ORDERS_KEY, 'nope', pii, edit())).toBe(false);
      expect(await store.removeColumnBadge(ORDERS_KEY, 'nope', pii, edit())).toBe(false);
      expect(await store.addColumnBadge('hive://gold.core/nope', 'id', pii, edit())).toBe(false);
      expect(await store.addColumnBadge('hive://gold.core/customers', 'customer_id', pii, edit())).toBe(false);
    });

    it("sets a nested type's description and badges, only for nested types of the table's columns", async () => {
      await store.upsertTables([EVENTS_RAW], edit('fram-scripts'));
      const certified = { badge_name: 'certified', category: 'type_metadata' };
      expect(await store.setTypeMetadataDescription(EVENTS_RAW_KEY, EMAIL_TYPE, 'Hashed.', edit())).toBe(true);
      expect(await store.addTypeMetadataBadge(EVENTS_RAW_KEY, EMAIL_TYPE, certified, edit())).toBe(true);
      expect(
        await store.removeTypeMetadataBadge(EVENTS_RAW_KEY, EMAIL_TYPE, { badge_name: 'pii', category: 'type_metadata' }, edit()),
      ).toBe(true);
      expect(await store.setTypeMetadataDescription(EVENTS_RAW_KEY, `${PAYLOAD}/type/payload`, 'The event.', edit())).toBe(true);
      const type = (await store.getTable(EVENTS_RAW_KEY))!.columns[0].type_metadata!;
      expect(type.description).toBe('The event.');
      expect(type.children[0].children[1]).toMatchObject({ key: EMAIL_TYPE, description: 'Hashed.', badges: [certified] });
      expect(await store.setTypeMetadataDescription(EVENTS_RAW_KEY, `${USER_TYPE}/nope`, 'x', edit())).toBe(false);
      expect(await store.addTypeMetadataBadge(EVENTS_RAW_KEY, `${USER_TYPE}/nope`, certified, edit())).toBe(false);
      expect(await store.removeTypeMetadataBadge(EVENTS_RAW_KEY, `${USER_TYPE}/nope`, certified, edit())).toBe(false);
      expect(await store.setTypeMetadataDescription(ORDERS_KEY, EMAIL_TYPE, 'x', edit())).toBe(false);
      const actions = (await store.audit(6)).map((e) => [e.action, e.resource_key]);
      expect(actions.slice(0, 4)).toEqual([
        ['set_type_metadata_description', EVENTS_RAW_KEY],
        ['remove_type_metadata_badge', EVENTS_RAW_KEY],
        ['add_type_metadata_badge', EVENTS_RAW_KEY],
        ['set_type_metadata_description', EVENTS_RAW_KEY],
      ]);
    });
  });
}
