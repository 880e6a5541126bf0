import neo4j from 'neo4j-driver';
import { DependencyUnavailableError } from '@fram/errors';
import { freePort } from '@fram/testing';
import { describeStoreContracts } from '../contract/store.contract';
import { Neo4jMetadataStore } from './neo4j-metadata-store';

const uri = process.env['NEO4J_URI'];
const user = process.env['NEO4J_USER'] ?? 'neo4j';
const password = process.env['NEO4J_PASSWORD'] ?? '';
const database = process.env['NEO4J_DATABASE'];

// The same contract as the embedded store, against a real Neo4j whenever NEO4J_URI is set
// (no Neo4j server can run on the development machines; see the README).
if (uri) {
  describeStoreContracts(`Neo4j at ${uri}`, async () => {
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    await driver.close();
    const store = new Neo4jMetadataStore({ uri, user, password, database });
    await store.prepare();
    return store;
  });
}

// A table as Amundsen's databuilder publishes it (labels, keys and relation pairs of its models; its CSV
// publisher leaves numbers and booleans as text), read the way Amundsen's get_table reads it.
const DATABUILDER_TABLE = `
  CREATE (db:Database {key: 'database://hive', name: 'hive'})-[:CLUSTER]->(cluster:Cluster {key: 'hive://gold', name: 'gold'})
  CREATE (cluster)-[:SCHEMA]->(schema:Schema {key: 'hive://gold.core', name: 'core'})
  CREATE (schema)-[:TABLE]->(table:Table {key: 'hive://gold.core/orders', name: 'orders', is_view: 'False'})
  CREATE (table)-[:TABLE_OF]->(schema)
  CREATE (table)-[:DESCRIPTION]->(:Description {key: 'hive://gold.core/orders/_description', description: 'Orders.', description_source: 'description'})
  CREATE (table)-[:DESCRIPTION]->(:Programmatic_Description {key: 'hive://gold.core/orders/_dbt_description', description: 'Built.', description_source: 'dbt'})
  CREATE (:Watermark {key: 'hive://gold.core/orders/high_watermark/', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01'})-[:BELONG_TO_TABLE]->(table)
  CREATE (app:Application {key: 'application://gold.airflow/etl/orders', id: 'etl/orders', name: 'Airflow', application_url: 'https://airflow.example.com'})-[:GENERATES]->(table)
  CREATE (table)-[:DERIVED_FROM]->(app)
  CREATE (table)-[:LAST_UPDATED_AT]->(:Timestamp {key: 'hive://gold.core/orders/timestamp', last_updated_timestamp: '1719792000', timestamp: '1719792000'})
  CREATE (table)-[:SOURCE]->(:Source {key: 'hive://gold.core/orders/_source', source: 'https://github.com/example/orders.sql', source_type: 'github'})
  CREATE (table)-[:HAS_REPORT]->(:Report {key: 'hive://gold.core/orders/_report/Quality', name: 'Quality', url: 'https://reports.example.com/q'})
  CREATE (table)-[:TAGGED_BY]->(:Tag {key: 'sales', tag_type: 'default'})
  CREATE (table)-[:TAGGED_BY]->(:Tag {key: 'legacy', tag_type: 'badge'})
  CREATE (table)-[:COLUMN]->(column:Column {key: 'hive://gold.core/orders/payload', name: 'payload', col_type: 'struct<id:int>', sort_order: '0'})
  CREATE (column)-[:STAT]->(:Stat {key: 'hive://gold.core/orders/payload/nulls/', stat_type: 'nulls', stat_val: '0', start_epoch: '1700000000', end_epoch: '1700086400'})
  CREATE (column)-[:HAS_BADGE]->(:Badge {key: 'pii', category: 'column'})
  CREATE (column)-[:TYPE_METADATA]->(root:Type_Metadata {key: 'hive://gold.core/orders/payload/type/payload', kind: 'struct', name: 'payload', data_type: 'struct<id:int>'})
  CREATE (root)-[:SUBTYPE]->(field:Type_Metadata {key: 'hive://gold.core/orders/payload/type/payload/id', kind: 'scalar', name: 'id', data_type: 'int', sort_order: 0})
  CREATE (field)-[:DESCRIPTION]->(:Description {key: 'hive://gold.core/orders/payload/type/payload/id/_description', description: 'Key.', description_source: 'description'})`;

if (uri) {
  describe(`Neo4jMetadataStore on a graph databuilder published, at ${uri}`, () => {
    it("serves everything Amundsen's get_table reads", async () => {
      const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
      await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
      await driver.executeQuery(DATABUILDER_TABLE, {}, { database });
      await driver.close();
      const store = new Neo4jMetadataStore({ uri, user, password, database });
      try {
        expect(await store.getTable('hive://gold.core/orders')).toMatchObject({
          is_view: false,
          description: 'Orders.',
          programmatic_descriptions: [{ source: 'dbt', text: 'Built.' }],
          last_updated_timestamp: 1_719_792_000,
          watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01' }],
          producing_apps: [{ id: 'etl/orders', name: 'Airflow', application_url: 'https://airflow.example.com', description: null }],
          consuming_apps: [],
          source: { source: 'https://github.com/example/orders.sql', source_type: 'github' },
          resource_reports: [{ name: 'Quality', url: 'https://reports.example.com/q' }],
          tags: [{ tag_name: 'sales', tag_type: 'default' }],
          columns: [
            {
              name: 'payload',
              sort_order: 0,
              badges: [{ badge_name: 'pii', category: 'column' }],
              stats: [{ stat_type: 'nulls', stat_val: '0', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400, is_metric: null }],
              type_metadata: {
                key: 'hive://gold.core/orders/payload/type/payload',
                sort_order: 0,
                children: [{ name: 'id', description: 'Key.', children: [] }],
              },
            },
          ],
        });
        const edit = { actor: 'ada@example.com', at: Date.now() };
        const field = 'hive://gold.core/orders/payload/type/payload/id';
        expect(await store.setTypeMetadataDescription('hive://gold.core/orders', field, 'The key.', edit)).toBe(true);
        const key = { badge_name: 'key', category: 'column' };
        expect(await store.addColumnBadge('hive://gold.core/orders', 'payload', key, edit)).toBe(true);
        const table = (await store.getTable('hive://gold.core/orders'))!;
        expect(table.columns[0].type_metadata!.children[0].description).toBe('The key.');
        expect(table.columns[0].badges.map((b) => b.badge_name)).toEqual(['key', 'pii']);
      } finally {
        await store.close();
      }
    });
  });
}

// A schema and a dashboard group described as databuilder writes them (SchemaModel, DashboardMetadata's
// dashboard_group_description: a Description node under `{key}/_description`, without a source on the group's).
const DATABUILDER_DESCRIPTIONS = `
  CREATE (db:Database {key: 'database://hive', name: 'hive'})-[:CLUSTER]->(cluster:Cluster {key: 'hive://gold', name: 'gold'})
  CREATE (cluster)-[:SCHEMA]->(schema:Schema {key: 'hive://gold.core', name: 'core'})
  CREATE (schema)-[:DESCRIPTION]->(:Description {key: 'hive://gold.core/_description', description: 'Core business tables.', description_source: 'description'})
  CREATE (schema)-[:TABLE]->(table:Table {key: 'hive://gold.core/orders', name: 'orders'})
  CREATE (table)-[:TABLE_OF]->(schema)
  CREATE (table)-[:OWNER]->(ada:User {key: 'ada@example.com', email: 'ada@example.com'})
  CREATE (ada)-[:OWNER_OF]->(table)
  CREATE (dashboards:Cluster {key: 'mode_dashboard://prod', name: 'prod'})-[:DASHBOARD_GROUP]->(group:Dashboardgroup {key: 'mode_dashboard://prod.sales', name: 'Sales'})
  CREATE (group)-[:DASHBOARD_GROUP_OF]->(dashboards)
  CREATE (group)-[:DESCRIPTION]->(:Description {key: 'mode_dashboard://prod.sales/_description', description: 'Sales dashboards.'})
  CREATE (group)-[:DASHBOARD]->(dashboard:Dashboard {key: 'mode_dashboard://prod.sales/weekly', name: 'weekly'})
  CREATE (dashboard)-[:DASHBOARD_OF]->(group)
  CREATE (dashboard)-[:DASHBOARD_WITH_TABLE]->(table)
  CREATE (table)-[:TABLE_OF_DASHBOARD]->(dashboard)`;

if (uri) {
  describe(`Neo4jMetadataStore reading schema and group descriptions databuilder published, at ${uri}`, () => {
    it('shows them where Amundsen shows them, and replaces them when Fram ingests others', async () => {
      const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
      await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
      await driver.executeQuery(DATABUILDER_DESCRIPTIONS, {}, { database });
      await driver.close();
      const store = new Neo4jMetadataStore({ uri, user, password, database });
      try {
        expect((await store.getTable('hive://gold.core/orders'))?.schema_description).toBe('Core business tables.');
        expect((await store.ownedTables('ada@example.com')).map((t) => t.schema_description)).toEqual(['Core business tables.']);
        const weekly = await store.getDashboard('mode_dashboard://prod.sales/weekly');
        expect(weekly?.group_description).toBe('Sales dashboards.');
        expect(weekly?.tables.map((t) => t.schema_description)).toEqual(['Core business tables.']);
        const edit = { actor: 'fram-scripts', at: Date.now() };
        await store.upsertDashboards(
          [
            {
              product: 'mode',
              cluster: 'prod',
              dashboard_group_id: 'sales',
              group_name: 'Sales',
              name: 'daily',
              group_description: 'Sales, daily and weekly.',
            },
          ],
          edit,
        );
        expect((await store.getDashboard('mode_dashboard://prod.sales/weekly'))?.group_description).toBe('Sales, daily and weekly.');
        const [latest] = await store.audit(1);
        expect(latest.detail['keys']).toEqual(['mode_dashboard://prod.sales/daily', 'mode_dashboard://prod.sales/weekly']);
      } finally {
        await store.close();
      }
    });
  });
}

describe('Neo4jMetadataStore when Neo4j cannot be reached', () => {
  let store: Neo4jMetadataStore;
  beforeAll(async () => {
    store = new Neo4jMetadataStore({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: 'x' });
  });
  afterAll(() => store.close());

  it('reports a failing health check', async () => {
    expect(await store.health()).toMatchObject({ status: 'fail' });
  });

  it('answers with DependencyUnavailableError (503) within seconds, never hangs', async () => {
    const started = Date.now();
    await expect(store.getTable('hive://gold.core/orders')).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(store.setTableDescription('hive://gold.core/orders', 'x', { actor: 'a', at: 1 })).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
