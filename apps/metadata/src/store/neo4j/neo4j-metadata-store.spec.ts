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
