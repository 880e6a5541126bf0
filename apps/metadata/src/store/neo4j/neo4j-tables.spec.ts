import { tableFromRow } from './neo4j-tables';

const KEY = 'hive://gold.core/orders';

/**
 * A row of tablesByKeys as a graph databuilder published gives it: its CSV
 * publisher leaves numbers and booleans as text, node order is the graph's,
 * relations may be duplicated, and Amundsen's other tag types are there too.
 * (No Neo4j server runs here; the store contract covers the statements when
 * NEO4J_URI is set.)
 */
const row = {
  key: KEY,
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: 'orders',
  is_view: 'True',
  description: 'Orders.',
  schema_description: 'Core business tables.',
  programmatic_descriptions: [
    { source: 'quality', text: 'Checked.' },
    { source: null, text: 'No source: skipped, as Amundsen does.' },
    { source: 'dbt', text: 'Built.' },
  ],
  last_updated_timestamp: '1719792000',
  watermarks: [
    { key: `${KEY}/low_watermark/`, partition_key: 'ds', partition_value: '2023-01-01', create_time: '2023-01-02' },
    { key: `${KEY}/high_watermark/`, partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01' },
  ],
  producing_apps: [
    { id: 'etl/orders', name: 'Airflow', application_url: 'https://airflow.example.com', description: null },
    { id: 'etl/orders', name: 'Airflow', application_url: 'https://airflow.example.com', description: null },
  ],
  consuming_apps: [{ id: 'bi/orders', name: 'Looker' }],
  source: { source: 'https://github.com/example/orders.sql', source_type: 'github' },
  resource_reports: [
    { name: 'Quality', url: 'https://reports.example.com/q' },
    { name: null, url: 'https://reports.example.com/nameless' },
  ],
  tags: [
    { tag_name: 'sales', tag_type: 'default' },
    { tag_name: 'legacy', tag_type: 'badge' },
    { tag_name: 'sales', tag_type: 'default' },
  ],
  badges: [{ badge_name: 'certified', category: 'table_status' }],
  owners: ['grace@example.com', 'ada@example.com', 'ada@example.com'],
  columns: [
    {
      key: `${KEY}/payload`,
      name: 'payload',
      col_type: 'struct<id:int>',
      sort_order: '1',
      description: null,
      badges: [],
      stats: [{ stat_type: 'nulls', stat_val: 0, start_epoch: '1700000000.0', end_epoch: '1700086400', is_metric: 'false' }],
      type_metadata: [
        { key: `${KEY}/payload/type/payload/id`, parent: `${KEY}/payload/type/payload`, kind: 'scalar', name: 'id', data_type: 'int' },
        {
          key: `${KEY}/payload/type/payload`,
          parent: null,
          kind: 'struct',
          name: 'payload',
          data_type: 'struct<id:int>',
          sort_order: null,
          description: 'The event.',
          badges: [{ badge_name: 'pii', category: 'type_metadata' }],
        },
      ],
    },
    { key: `${KEY}/id`, name: 'id', col_type: 'bigint', sort_order: '0', description: 'Key.', badges: [], stats: [], type_metadata: [] },
  ],
  readers: [{ user: 'ada@example.com', read_count: 3 }],
  views: 3,
  readerCount: 1,
};

describe('Neo4jMetadataStore reading a table as databuilder wrote it', () => {
  it('reads numbers and booleans written as text, drops what Amundsen drops, orders as the embedded store does', () => {
    expect(tableFromRow(KEY, row)).toEqual({
      key: KEY,
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      is_view: true,
      description: 'Orders.',
      schema_description: 'Core business tables.',
      programmatic_descriptions: [
        { source: 'dbt', text: 'Built.' },
        { source: 'quality', text: 'Checked.' },
      ],
      last_updated_timestamp: 1_719_792_000,
      watermarks: [
        { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01' },
        { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2023-01-01', create_time: '2023-01-02' },
      ],
      producing_apps: [{ id: 'etl/orders', name: 'Airflow', application_url: 'https://airflow.example.com', description: null }],
      consuming_apps: [{ id: 'bi/orders', name: 'Looker', application_url: null, description: null }],
      source: { source: 'https://github.com/example/orders.sql', source_type: 'github' },
      resource_reports: [{ name: 'Quality', url: 'https://reports.example.com/q' }],
      tags: [{ tag_name: 'sales', tag_type: 'default' }],
      badges: [{ badge_name: 'certified', category: 'table_status' }],
      owners: ['ada@example.com', 'grace@example.com'],
      readers: [{ user: 'ada@example.com', read_count: 3 }],
      usage: { total: 3, unique: 1 },
      columns: [
        { name: 'id', col_type: 'bigint', sort_order: 0, description: 'Key.', badges: [], stats: [], type_metadata: null },
        {
          name: 'payload',
          col_type: 'struct<id:int>',
          sort_order: 1,
          description: null,
          badges: [],
          stats: [{ stat_type: 'nulls', stat_val: '0', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400, is_metric: false }],
          type_metadata: {
            key: `${KEY}/payload/type/payload`,
            kind: 'struct',
            name: 'payload',
            data_type: 'struct<id:int>',
            sort_order: 0,
            description: 'The event.',
            badges: [{ badge_name: 'pii', category: 'type_metadata' }],
            children: [
              {
                key: `${KEY}/payload/type/payload/id`,
                kind: 'scalar',
                name: 'id',
                data_type: 'int',
                sort_order: 0,
                description: null,
                badges: [],
                children: [],
              },
            ],
          },
        },
      ],
    });
  });

  it("shows the ingested description a person's edit hides as the programmatic description `ingested`, unless it says the same", () => {
    const edited = { ...row, description: 'Orders, by Grace.', hidden_ingested_description: 'Orders.' };
    expect(tableFromRow(KEY, edited).programmatic_descriptions).toEqual([
      { source: 'dbt', text: 'Built.' },
      { source: 'ingested', text: 'Orders.' },
      { source: 'quality', text: 'Checked.' },
    ]);
    const same = { ...edited, hidden_ingested_description: 'Orders, by Grace.' };
    expect(tableFromRow(KEY, same).programmatic_descriptions.map((d) => d.source)).toEqual(['dbt', 'quality']);
  });
});
