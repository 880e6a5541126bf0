import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startTestApp, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';

describe('metadata: OpenAPI docs', () => {
  let api: RunningApp;
  beforeAll(async () => {
    api = await startTestApp(
      metadataApp({ AUTH_ISSUERS: 'http://127.0.0.1:9/oauth2/default', DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-docs-')) }),
      { service: 'metadata' },
    );
  });
  afterAll(() => api?.close());

  it('serves an OpenAPI 3 document at /docs/openapi.json, every operation behind bearer auth', async () => {
    const response = await call(`${api.url}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = response.json<{
      openapi: string;
      info: { title: string };
      security: unknown[];
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, unknown>;
    }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Fram metadata');
    expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/table/{path}', '/user/{id}', '/ingest/tables', '/popular_resources', '/healthcheck']),
    );
  });

  it('serves the interactive docs at /docs', async () => {
    const response = await call(`${api.url}/docs/`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger-ui');
  });
});
