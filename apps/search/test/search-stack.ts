import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { loadAuthConfig } from '@fram/auth';
import { startApiStack, startTestApp, type AmundsenCheck, type ApiStack } from '@fram/testing';
import { AppModule } from '../src/app/app.module';
import { relevanceCatalog, relevanceFeatures } from '../src/index/relevance.fixture';

/**
 * How a /v2/search answer is held to Amundsen's SearchResponse: exactly its fields and pages, as marshmallow dumps
 * them; each hit with its resource's v2.1 fields, of their types (Fram's hits carry more, which clients ignore).
 */
export const V2_ANSWER: AmundsenCheck = { exact: ['SearchResponse'] };

/**
 * The search app over HTTP on an embedded index holding the relevance catalog, with dev-idp as its issuer:
 * `metadata` (the metadata service: read:data write:data), `reader` (a service with read:data only),
 * `engineer` (alan, a Data Engineer) and `frances` (a reader).
 */
export type SearchStack = ApiStack;

/** Starts dev-idp and the search app (its index in a fresh directory named after `name`), and indexes the relevance catalog. */
export function startSearchStack(name: string): Promise<SearchStack> {
  return startApiStack({
    app: (idp) => {
      @Module({
        imports: [
          AppModule.forRoot({
            search: { backend: { kind: 'embedded', file: join(mkdtempSync(join(tmpdir(), `fram-${name}-`)), 'search.sqlite') } },
            auth: loadAuthConfig({ AUTH_ISSUERS: idp.issuer, ADMIN_GROUPS: 'Fram Admins', WRITE_GROUPS: 'Data Engineers' }),
          }),
        ],
      })
      class SearchUnderTest {}
      return startTestApp(SearchUnderTest, { service: 'search' });
    },
    tokens: async (idp) => ({
      metadata: await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'read:data write:data'),
      reader: await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'read:data'),
      engineer: await idp.userToken('alan@example.com'),
      frances: await idp.userToken('frances@example.com'),
    }),
    prepare: async ({ as }) => {
      const catalog = relevanceCatalog();
      for (const [type, documents] of [
        ['table', catalog.tables],
        ['user', catalog.users],
        ['dashboard', catalog.dashboards],
        ['feature', relevanceFeatures()],
      ] as const) {
        const response = await as('metadata', `/v2/documents/${type}`, { method: 'PUT', body: JSON.stringify({ documents }) });
        if (response.status !== 200)
          throw new Error(`Indexing the relevance catalog's ${type} documents: ${response.status} ${response.text}`);
      }
    },
  });
}
