import type { SchemaObject } from 'ajv';
import { amundsenRef as ref } from '@fram/testing';
import { DOCUMENT_IDS, FEATURE_PARTS, TABLE, TAG } from './catalog';
import { nonEmpty, withItems, type Method, type Operation } from './operation';

/*
 * Amundsen's search service: every route that search/search_service/__init__.py
 * registers, times every HTTP method its Resource class defines, in the order
 * they run. Requests are what Amundsen's frontend sends (api/search/v1.py,
 * api/utils/search_utils.py) or, for the routes it no longer calls, what their
 * swagger docs (search/search_service/api/swagger_doc/) describe.
 */

const API = 'search/search_service/api/';

function search(method: Method, route: string, source: string, target: string, expect: Operation['expect'], json?: unknown): Operation {
  return { service: 'search', method, route, source: API + source, request: { target, json }, expect };
}

const ok = (body: SchemaObject) => ({ status: 200, body });

/**
 * `/v2/search` over every resource: each asked-for resource answered (its hits in the v2.1 proxy's shape, as
 * SearchResponse has them); an empty search term browses everything, so every resource has some on this data.
 */
const everyResource: SchemaObject = {
  allOf: [
    ref('SearchResponse'),
    {
      properties: {
        results: {
          type: 'object',
          required: ['table', 'dashboard', 'feature', 'user'],
          properties: {
            table: nonEmpty(['results']),
            dashboard: nonEmpty(['results']),
            feature: nonEmpty(['results']),
            user: nonEmpty(['results']),
          },
        },
      },
    },
  ],
};

/** The frontend's UpdateDocumentRequest for a table tag (api/metadata/v0.py update_table_tags). */
const tagDocument = { resource_key: TABLE, resource_type: 'table', field: 'tag', value: TAG, operation: 'add' };

/** v1 documents (search/search_service/models/*.py), as BaseDocumentsAPI loads them from `data`. */
const tableDocument = (description: string) => ({
  id: DOCUMENT_IDS.table,
  database: 'hive',
  cluster: 'gold',
  schema: 'compat',
  name: 'documented',
  key: 'hive://gold.compat/documented',
  display_name: 'compat.documented',
  tags: [{ tag_name: 'compat' }],
  badges: [],
  description,
  last_updated_timestamp: 1_700_000_000,
  column_names: ['id'],
  column_descriptions: ['The id'],
  programmatic_descriptions: [],
  total_usage: 0,
  schema_description: null,
});
const userDocument = (team: string) => ({
  id: DOCUMENT_IDS.user,
  email: 'compat.document@example.com',
  first_name: 'Compat',
  last_name: 'Document',
  full_name: 'Compat Document',
  team_name: team,
  github_username: 'compat-document',
  employee_type: 'Employee',
  is_active: true,
  manager_email: null,
  role_name: 'Tester',
});
const featureDocument = (description: string) => ({
  id: DOCUMENT_IDS.feature,
  feature_group: 'compat_features',
  feature_name: 'documented_feature',
  version: '1.0',
  key: 'compat_features/documented_feature/1.0',
  total_usage: 0,
  status: 'active',
  entity: 'customer',
  description,
  availability: ['hive'],
  badges: [],
  tags: [{ tag_name: 'compat' }],
  last_updated_timestamp: 1_700_000_000,
});

export const SEARCH_OPERATIONS: readonly Operation[] = [
  search('GET', '/healthcheck', 'healthcheck.py HealthcheckAPI', '/healthcheck', ok(ref('HealthCheck'))),

  search('POST', '/v2/search', 'search.py SearchAPI', '/v2/search', ok(everyResource), {
    query_term: '',
    resource_types: ['table', 'dashboard', 'feature', 'user'],
    page_index: 0,
    results_per_page: 10,
    filters: [],
    highlight_options: {
      table: { enable_highlight: true },
      dashboard: { enable_highlight: true },
      feature: { enable_highlight: true },
      user: { enable_highlight: true },
    },
  }),
  search('POST', '/v2/document', 'document_update.py DocumentAPI', '/v2/document', ok(ref('DocumentUpdated')), tagDocument),
  search('DELETE', '/v2/document', 'document_update.py DocumentAPI', '/v2/document', ok(ref('DocumentUpdated')), tagDocument),

  search(
    'POST',
    '/search_table',
    'table.py SearchTableFilterAPI (base.py BaseFilterAPI)',
    '/search_table',
    ok(withItems('SearchTableResult', ['results'])),
    { page_index: 0, query_term: 'sessions', search_request: { type: 'AND', filters: { schema: ['analytics'] } } },
  ),
  search(
    'GET',
    '/search',
    'table.py SearchTableAPI',
    '/search?query_term=sessions&page_index=0',
    ok(withItems('SearchTableResult', ['results'])),
  ),
  search(
    'GET',
    '/search_user',
    'user.py SearchUserAPI',
    '/search_user?query_term=ada&page_index=0',
    ok(withItems('SearchUserResult', ['results'])),
  ),
  search(
    'GET',
    '/search_dashboard',
    'dashboard.py SearchDashboardAPI',
    '/search_dashboard?query_term=revenue&page_index=0',
    ok(withItems('SearchDashboardResult', ['results'])),
  ),
  search(
    'POST',
    '/search_dashboard_filter',
    'dashboard.py SearchDashboardFilterAPI (base.py BaseFilterAPI)',
    '/search_dashboard_filter',
    ok(withItems('SearchDashboardResult', ['results'])),
    { page_index: 0, query_term: '', search_request: { type: 'AND', filters: { product: ['mode'] } } },
  ),
  search(
    'GET',
    '/search_feature',
    'feature.py SearchFeatureAPI',
    '/search_feature?query_term=orders&page_index=0',
    ok(withItems('SearchFeatureResult', ['results'])),
  ),
  search(
    'POST',
    '/search_feature_filter',
    'feature.py SearchFeatureFilterAPI (base.py BaseFilterAPI)',
    '/search_feature_filter',
    ok(withItems('SearchFeatureResult', ['results'])),
    { page_index: 0, query_term: '', search_request: { type: 'AND', filters: { feature_group: [FEATURE_PARTS.feature_group] } } },
  ),

  search('POST', '/document_table', 'document.py DocumentTablesAPI', '/document_table', ok(ref('IndexName')), {
    data: [tableDocument('A document made through the v1 API.')],
  }),
  search('PUT', '/document_table', 'document.py DocumentTablesAPI', '/document_table', ok(ref('IndexName')), {
    data: [tableDocument('A document changed through the v1 API.')],
  }),
  search(
    'DELETE',
    '/document_table/<document_id>',
    'document.py DocumentTableAPI',
    `/document_table/${DOCUMENT_IDS.table}`,
    ok(ref('Empty')),
  ),
  search('POST', '/document_user', 'document.py DocumentUsersAPI', '/document_user', ok(ref('IndexName')), {
    data: [userDocument('Compatibility')],
  }),
  search('PUT', '/document_user', 'document.py DocumentUsersAPI', '/document_user', ok(ref('IndexName')), {
    data: [userDocument('Interop')],
  }),
  search('DELETE', '/document_user/<document_id>', 'document.py DocumentUserAPI', `/document_user/${DOCUMENT_IDS.user}`, ok(ref('Empty'))),
  search('POST', '/document_feature', 'document.py DocumentFeaturesAPI', '/document_feature', ok(ref('IndexName')), {
    data: [featureDocument('A feature document made through the v1 API.')],
  }),
  search('PUT', '/document_feature', 'document.py DocumentFeaturesAPI', '/document_feature', ok(ref('IndexName')), {
    data: [featureDocument('A feature document changed through the v1 API.')],
  }),
  search(
    'DELETE',
    '/document_feature/<document_id>',
    'document.py DocumentFeatureAPI',
    `/document_feature/${DOCUMENT_IDS.feature}`,
    ok(ref('Empty')),
  ),
];
