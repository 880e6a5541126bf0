import type { SchemaObject } from 'ajv';
import { amundsenRef as ref } from '@fram/testing';
import { BADGE, COLUMN, COLUMN_BADGE, DASHBOARD, FEATURE, NEW_PERSON, OTHER_PERSON, PERSON, TABLE, TAG, TYPE_METADATA } from './catalog';
import { withItems, type Method, type Operation } from './operation';

/*
 * Amundsen's metadata service: every route that metadata/metadata_service/__init__.py
 * registers (api.add_resource), times every HTTP method its Resource class
 * defines, in the order they run (a change is undone by the operation after it).
 * Requests are what Amundsen's frontend sends (frontend/amundsen_application/api/metadata/v0.py),
 * or the route's swagger doc where the frontend never calls it.
 *
 * Not an operation: `PUT /user/<path:id>`. UserDetailAPI is registered on
 * `/user` and `/user/<path:id>`, but its put() takes no id, so Flask answers
 * every such request with a 500.
 */

const API = 'metadata/metadata_service/api/';

function metadata(
  method: Method,
  route: string,
  source: string,
  target: string,
  expect: Operation['expect'],
  extra: { json?: unknown; note?: string } = {},
): Operation {
  const { json, note } = extra;
  return { service: 'metadata', method, route, source: API + source, request: { target, json }, expect, note };
}

const ok = (body: SchemaObject) => ({ status: 200, body });
const message = ok(ref('Message'));
const noContent = ok(ref('NoContent'));
const description = { description: 'Described by the Amundsen compatibility suite.' };
const popularBoth: SchemaObject = {
  allOf: [ref('PopularResources'), { properties: { Table: { type: 'array' }, Dashboard: { type: 'array' } } }],
};
/**
 * The feature stats and sample data stubs. Their get() takes feature_uri while the route passes id, so
 * Amundsen answers 500 {message}; the stubs themselves mean 200 and no data. A 501 {message} (not
 * implemented) tells a client the same, and is taken too.
 */
const stub = {
  status: [200, 500, 501],
  body: { anyOf: [{ type: 'null' }, ref('Message')] },
};
const STUB_NOTE = 'A stub: Amundsen answers 500 (a crash of the stub) and means no data; 501 {message} is taken too.';

export const METADATA_OPERATIONS: readonly Operation[] = [
  metadata('GET', '/healthcheck', 'healthcheck.py HealthcheckAPI', '/healthcheck', ok(ref('HealthCheck'))),

  metadata('GET', '/popular_tables/', 'popular_tables.py PopularTablesAPI', '/popular_tables/?limit=4', ok(ref('PopularTables'))),
  metadata(
    'GET',
    '/popular_tables/<path:user_id>',
    'popular_tables.py PopularTablesAPI',
    `/popular_tables/${PERSON}?limit=4`,
    ok(ref('PopularTables')),
  ),
  metadata(
    'GET',
    '/popular_resources/',
    'popular_resources.py PopularResourcesAPI',
    '/popular_resources/?limit=4&types=table,dashboard',
    ok(popularBoth),
  ),
  metadata(
    'GET',
    '/popular_resources/<path:user_id>',
    'popular_resources.py PopularResourcesAPI',
    `/popular_resources/${PERSON}?limit=4&types=table,dashboard`,
    ok(popularBoth),
  ),

  metadata(
    'GET',
    '/table/<path:table_uri>',
    'table.py TableDetailAPI',
    `/table/${TABLE}`,
    ok(withItems('Table', ['columns', 'owners', 'tags', 'badges', 'table_readers'])),
  ),
  metadata('GET', '/table/<path:id>/description', 'table.py TableDescriptionAPI', `/table/${TABLE}/description`, ok(ref('Description'))),
  metadata('PUT', '/table/<path:id>/description', 'table.py TableDescriptionAPI', `/table/${TABLE}/description`, noContent, {
    json: description,
  }),
  metadata('PUT', '/table/<path:id>/tag/<tag>', 'tag.py TagCommon (table.py TableTagAPI)', `/table/${TABLE}/tag/${TAG}`, message),
  metadata('DELETE', '/table/<path:id>/tag/<tag>', 'tag.py TagCommon (table.py TableTagAPI)', `/table/${TABLE}/tag/${TAG}`, message),
  metadata(
    'PUT',
    '/table/<path:id>/badge/<badge>',
    'badge.py BadgeCommon (table.py TableBadgeAPI)',
    `/table/${TABLE}/badge/${BADGE.name}?category=${BADGE.category}`,
    message,
  ),
  metadata(
    'DELETE',
    '/table/<path:id>/badge/<badge>',
    'badge.py BadgeCommon (table.py TableBadgeAPI)',
    `/table/${TABLE}/badge/${BADGE.name}?category=${BADGE.category}`,
    message,
  ),
  metadata(
    'GET',
    '/table/<path:id>/lineage',
    'table.py TableLineageAPI',
    `/table/${TABLE}/lineage?depth=1&direction=both`,
    ok(withItems('Lineage', ['upstream_entities', 'downstream_entities'])),
  ),
  metadata('PUT', '/table/<path:table_uri>/owner/<owner>', 'table.py TableOwnerAPI', `/table/${TABLE}/owner/${OTHER_PERSON}`, message),
  metadata('DELETE', '/table/<path:table_uri>/owner/<owner>', 'table.py TableOwnerAPI', `/table/${TABLE}/owner/${OTHER_PERSON}`, message),
  metadata(
    'GET',
    '/table/<path:id>/dashboard/',
    'table.py TableDashboardAPI',
    `/table/${TABLE}/dashboard/`,
    ok(withItems('TableDashboards', ['dashboards'])),
  ),
  metadata(
    'GET',
    '/table/<path:table_uri>/column/<column_name>/description',
    'column.py ColumnDescriptionAPI',
    `/table/${TABLE}/column/${COLUMN}/description`,
    ok(ref('Description')),
  ),
  metadata(
    'PUT',
    '/table/<path:table_uri>/column/<column_name>/description',
    'column.py ColumnDescriptionAPI',
    `/table/${TABLE}/column/${COLUMN}/description`,
    noContent,
    { json: description },
  ),
  metadata(
    'PUT',
    '/table/<path:table_uri>/column/<column_name>/badge/<badge>',
    'column.py ColumnBadgeAPI',
    `/table/${TABLE}/column/${COLUMN}/badge/${COLUMN_BADGE.name}?category=${COLUMN_BADGE.category}`,
    message,
  ),
  metadata(
    'DELETE',
    '/table/<path:table_uri>/column/<column_name>/badge/<badge>',
    'column.py ColumnBadgeAPI',
    `/table/${TABLE}/column/${COLUMN}/badge/${COLUMN_BADGE.name}?category=${COLUMN_BADGE.category}`,
    message,
  ),
  metadata(
    'GET',
    '/table/<path:table_uri>/column/<column_name>/lineage',
    'column.py ColumnLineageAPI',
    `/table/${TABLE}/column/${COLUMN}/lineage`,
    ok(ref('Lineage')),
  ),
  metadata(
    'GET',
    '/type_metadata/<path:type_metadata_key>/description',
    'type_metadata.py TypeMetadataDescriptionAPI',
    `/type_metadata/${TYPE_METADATA}/description`,
    ok(ref('Description')),
  ),
  metadata(
    'PUT',
    '/type_metadata/<path:type_metadata_key>/description',
    'type_metadata.py TypeMetadataDescriptionAPI',
    `/type_metadata/${TYPE_METADATA}/description`,
    noContent,
    { json: description },
  ),
  metadata(
    'PUT',
    '/type_metadata/<path:type_metadata_key>/badge/<badge>',
    'type_metadata.py TypeMetadataBadgeAPI',
    `/type_metadata/${TYPE_METADATA}/badge/${COLUMN_BADGE.name}?category=${COLUMN_BADGE.category}`,
    message,
  ),
  metadata(
    'DELETE',
    '/type_metadata/<path:type_metadata_key>/badge/<badge>',
    'type_metadata.py TypeMetadataBadgeAPI',
    `/type_metadata/${TYPE_METADATA}/badge/${COLUMN_BADGE.name}?category=${COLUMN_BADGE.category}`,
    message,
  ),

  metadata('GET', '/latest_updated_ts', 'system.py Neo4jDetailAPI', '/latest_updated_ts', ok(ref('Neo4jDetail'))),
  metadata('GET', '/system/statistics', 'system.py StatisticsMetricsAPI', '/system/statistics', ok(ref('Statistics'))),
  metadata('GET', '/tags/', 'tag.py TagAPI', '/tags/', ok(withItems('TagUsages', ['tag_usages']))),
  metadata('GET', '/badges/', 'badge.py BadgeAPI', '/badges/', ok(withItems('Badges', ['badges']))),

  metadata('GET', '/user', 'user.py UserDetailAPI', '/user', ok({ allOf: [ref('Users'), { minItems: 1 }] })),
  metadata('GET', '/user/<path:id>', 'user.py UserDetailAPI', `/user/${PERSON}`, ok(ref('User'))),
  metadata(
    'PUT',
    '/user',
    'user.py UserDetailAPI',
    '/user',
    { status: 201, body: ref('User'), jsonInString: true },
    {
      json: NEW_PERSON,
      note: 'A new user: 201 (200 for an update); the body is schema.dumps(user), a JSON string that flask_restful encodes again.',
    },
  ),
  metadata(
    'PUT',
    '/user/<path:user_id>/follow/<resource_type>/<path:resource_id>',
    'user.py UserFollowAPI',
    `/user/${PERSON}/follow/dashboard/${DASHBOARD}`,
    message,
  ),
  metadata(
    'GET',
    '/user/<path:user_id>/follow/',
    'user.py UserFollowsAPI',
    `/user/${PERSON}/follow/`,
    ok(withItems('UserResources', ['table', 'dashboard'])),
    { note: 'The person follows a table (loaded) and the dashboard of the PUT before.' },
  ),
  metadata(
    'DELETE',
    '/user/<path:user_id>/follow/<resource_type>/<path:resource_id>',
    'user.py UserFollowAPI',
    `/user/${PERSON}/follow/dashboard/${DASHBOARD}`,
    message,
  ),
  metadata(
    'GET',
    '/user/<path:user_id>/own/',
    'user.py UserOwnsAPI',
    `/user/${PERSON}/own/`,
    ok(withItems('UserResources', ['table', 'dashboard'])),
  ),
  metadata(
    'PUT',
    '/user/<path:user_id>/own/<resource_type>/<path:table_uri>',
    'user.py UserOwnAPI',
    `/user/${OTHER_PERSON}/own/table/${TABLE}`,
    message,
  ),
  metadata(
    'DELETE',
    '/user/<path:user_id>/own/<resource_type>/<path:table_uri>',
    'user.py UserOwnAPI',
    `/user/${OTHER_PERSON}/own/table/${TABLE}`,
    message,
  ),
  metadata('GET', '/user/<path:user_id>/read/', 'user.py UserReadsAPI', `/user/${PERSON}/read/`, ok(withItems('UserReads', ['table']))),

  metadata(
    'GET',
    '/dashboard/<path:id>',
    'dashboard.py DashboardDetailAPI',
    `/dashboard/${DASHBOARD}`,
    ok(withItems('DashboardDetail', ['owners', 'chart_names', 'tables'])),
  ),
  metadata(
    'GET',
    '/dashboard/<path:id>/description',
    'dashboard.py DashboardDescriptionAPI',
    `/dashboard/${DASHBOARD}/description`,
    ok(ref('Description')),
  ),
  metadata(
    'PUT',
    '/dashboard/<path:id>/description',
    'dashboard.py DashboardDescriptionAPI',
    `/dashboard/${DASHBOARD}/description`,
    noContent,
    {
      json: description,
    },
  ),
  metadata(
    'PUT',
    '/dashboard/<path:id>/tag/<tag>',
    'tag.py TagCommon (dashboard.py DashboardTagAPI)',
    `/dashboard/${DASHBOARD}/tag/${TAG}`,
    message,
  ),
  metadata(
    'DELETE',
    '/dashboard/<path:id>/tag/<tag>',
    'tag.py TagCommon (dashboard.py DashboardTagAPI)',
    `/dashboard/${DASHBOARD}/tag/${TAG}`,
    message,
  ),
  metadata(
    'PUT',
    '/dashboard/<path:id>/badge/<badge>',
    'badge.py BadgeCommon (dashboard.py DashboardBadgeAPI)',
    `/dashboard/${DASHBOARD}/badge/${BADGE.name}?category=${BADGE.category}`,
    message,
  ),
  metadata(
    'DELETE',
    '/dashboard/<path:id>/badge/<badge>',
    'badge.py BadgeCommon (dashboard.py DashboardBadgeAPI)',
    `/dashboard/${DASHBOARD}/badge/${BADGE.name}?category=${BADGE.category}`,
    message,
  ),

  metadata(
    'GET',
    '/feature/<path:feature_uri>',
    'feature.py FeatureDetailAPI',
    `/feature/${FEATURE}`,
    ok(withItems('Feature', ['owners', 'tags', 'availability'])),
  ),
  metadata(
    'GET',
    '/feature/<path:id>/description',
    'feature.py FeatureDescriptionAPI',
    `/feature/${FEATURE}/description`,
    ok(ref('Description')),
  ),
  metadata('PUT', '/feature/<path:id>/description', 'feature.py FeatureDescriptionAPI', `/feature/${FEATURE}/description`, noContent, {
    json: description,
  }),
  metadata('PUT', '/feature/<path:id>/tag/<tag>', 'feature.py FeatureTagAPI', `/feature/${FEATURE}/tag/${TAG}`, message),
  metadata('DELETE', '/feature/<path:id>/tag/<tag>', 'feature.py FeatureTagAPI', `/feature/${FEATURE}/tag/${TAG}`, message),
  metadata(
    'PUT',
    '/feature/<path:id>/badge/<badge>',
    'feature.py FeatureBadgeAPI',
    `/feature/${FEATURE}/badge/${BADGE.name}?category=${BADGE.category}`,
    message,
  ),
  metadata(
    'DELETE',
    '/feature/<path:id>/badge/<badge>',
    'feature.py FeatureBadgeAPI',
    `/feature/${FEATURE}/badge/${BADGE.name}?category=${BADGE.category}`,
    message,
  ),
  metadata(
    'GET',
    '/feature/<path:id>/lineage',
    'feature.py FeatureLineageAPI',
    `/feature/${FEATURE}/lineage?depth=1&direction=upstream`,
    ok(ref('Lineage')),
  ),
  metadata(
    'PUT',
    '/feature/<path:feature_uri>/owner/<owner>',
    'feature.py FeatureOwnerAPI',
    `/feature/${FEATURE}/owner/${OTHER_PERSON}`,
    message,
  ),
  metadata(
    'DELETE',
    '/feature/<path:feature_uri>/owner/<owner>',
    'feature.py FeatureOwnerAPI',
    `/feature/${FEATURE}/owner/${OTHER_PERSON}`,
    message,
  ),
  metadata('GET', '/feature/<path:id>/stats', 'feature.py FeatureStatsAPI', `/feature/${FEATURE}/stats`, stub, { note: STUB_NOTE }),
  metadata('GET', '/feature/<path:id>/sample_data', 'feature.py FeatureSampleAPI', `/feature/${FEATURE}/sample_data`, stub, {
    note: STUB_NOTE,
  }),
  metadata(
    'GET',
    '/feature/<path:feature_uri>/generation_code',
    'feature.py FeatureGenerationCodeAPI',
    `/feature/${FEATURE}/generation_code`,
    ok(ref('GenerationCode')),
  ),
];
