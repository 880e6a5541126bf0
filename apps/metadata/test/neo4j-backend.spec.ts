import { call, freePort, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { loadMetadataConfig } from '../src/config/metadata-config';
import { metadataApp } from './metadata-app';

describe('metadata on METADATA_BACKEND=neo4j', () => {
  it('needs NEO4J_URI and NEO4J_PASSWORD, and says so', () => {
    expect(() => loadMetadataConfig({ METADATA_BACKEND: 'neo4j' })).toThrow('NEO4J_URI: METADATA_BACKEND=neo4j needs NEO4J_URI');
    expect(() => loadMetadataConfig({ METADATA_BACKEND: 'neo4j', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'p' })).toThrow(
      'NEO4J_URI: must be a Neo4j URI such as bolt://localhost:7687',
    );
    expect(
      loadMetadataConfig({ METADATA_BACKEND: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687', CREDENTIALS_PROXY_PASSWORD: 'p' }).backend,
    ).toEqual({
      kind: 'neo4j',
      uri: 'bolt://neo4j:7687',
      user: 'neo4j',
      password: 'p',
      database: undefined,
    });
  });

  describe('while Neo4j is down', () => {
    let idp: DevIdp;
    let api: RunningApp;
    beforeAll(async () => {
      idp = await startDevIdp();
      api = await startTestApp(
        metadataApp({
          AUTH_ISSUERS: idp.issuer,
          METADATA_BACKEND: 'neo4j',
          NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`,
          NEO4J_PASSWORD: 'secret',
        }),
      );
    }, 60_000);
    afterAll(async () => {
      await api?.close();
      await idp?.stop();
    });

    it('starts anyway, reports the failure in /healthcheck (503) and answers 503, not 500', async () => {
      const health = await call(`${api.url}/healthcheck`);
      expect(health.status).toBe(503);
      expect(health.json()).toMatchObject({ status: 'fail', checks: { 'Neo4jMetadataStore:connection': { status: 'fail' } } });
      const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
      const table = await call(`${api.url}/table/hive://gold.core/orders`, { token });
      expect(table.status).toBe(503);
      expect(table.json()).toEqual({
        statusCode: 503,
        message: 'The metadata store (Neo4j) is unavailable; try again shortly',
        code: 'dependency_unavailable',
      });
      expect(table.text).not.toContain('secret');
    });
  });
});
