import type { SchemaObject } from 'ajv';
import { amundsenRef as ref, type AmundsenModel } from '@fram/testing';
import {
  COLUMN,
  DASHBOARD,
  FEATURE,
  FEATURE_PARTS,
  NESTED_TABLE,
  OTHER_PERSON,
  PERSON,
  TABLE,
  TABLE_PARTS,
  TAG,
  TYPE_METADATA,
} from './catalog';
import { nonEmpty, qs, withItems, type Method, type Operation } from './operation';

/*
 * Amundsen's frontend: every Flask route of frontend/amundsen_application/api/**
 * (with the url_prefix its blueprint registers; the issue resources that
 * __init__.py adds under /api/issue), times its methods, in the order they run.
 * Requests are what the React app sends (static/js/ducks/** /api/v0.ts,
 * static/js/utils/owner.ts, pages/DashboardPage/ImagePreview), through a
 * signed-in session with its CSRF token on changes. Integrations that Amundsen
 * leaves unconfigured by default (preview, dashboard preview, quality, issues,
 * mail) are expected to answer as Amundsen does then; announcements and
 * notices as Amundsen does with a client configured (Fram serves them).
 */

const APP = 'frontend/amundsen_application/';
const V0 = `${APP}api/metadata/v0.py`;
const M = '/api/metadata/v0';

function frontend(
  method: Method,
  route: string,
  source: string,
  target: string,
  expect: Operation['expect'],
  body: { json?: unknown; form?: Record<string, string>; note?: string } = {},
): Operation {
  const { json, form, note } = body;
  return { service: 'frontend', method, route, source, request: { target, json, form }, expect, note };
}

const ok = (body: SchemaObject) => ({ status: 200, body });
const message = ok(ref('FrontendMessage'));
/** A frontend answer whose `key` holds an object with non-empty lists. */
const within = (model: AmundsenModel, key: string, lists: readonly string[]): SchemaObject => ({
  allOf: [ref(model), { type: 'object', properties: { [key]: nonEmpty(lists) } }],
});
const fromSearch = { index: '0', source: 'search_results' };
const tableTag = { key: TABLE, tag: TAG };
const dashboardTag = { key: DASHBOARD, tag: TAG };
const featureTag = { key: FEATURE, tag: TAG };
const tableOwner = { key: TABLE, owner: OTHER_PERSON };
const featureOwner = { key: FEATURE, owner: OTHER_PERSON };
const bookmark = { type: 'dashboard', key: DASHBOARD };
const description = 'Described in the frontend by the Amundsen compatibility suite.';
const resources = ['table', 'dashboard', 'feature', 'user'];
const tablePath = `/table_detail/${TABLE_PARTS.cluster}/${TABLE_PARTS.database}/${TABLE_PARTS.schema}/${TABLE_PARTS.name}`;

export const FRONTEND_OPERATIONS: readonly Operation[] = [
  frontend(
    'GET',
    '/api/auth_user',
    `${APP}api/v0.py current_user`,
    '/api/auth_user',
    ok({ allOf: [ref('FrontendUserAnswer'), { properties: { user: { properties: { user_id: { const: PERSON } } } } }] }),
  ),
  frontend(
    'GET',
    '/api/announcements/v0/',
    `${APP}api/announcements/v0.py get_announcements`,
    '/api/announcements/v0/',
    ok(withItems('FrontendAnnouncements', ['posts'])), // the stack posts one
    {
      note: 'With an announcement client (base/base_announcement_client.py _get_posts): 200 {posts, msg}.',
    },
  ),
  frontend('POST', '/api/log/v0/log_event', `${APP}api/log/v0.py log_generic_action`, '/api/log/v0/log_event', message, {
    json: {
      command: 'click',
      target_id: 'compat-check',
      target_type: 'button',
      label: 'Compat',
      location: 'compat',
      value: '1',
      position: '0',
    },
  }),
  frontend(
    'POST',
    '/api/mail/v0/feedback',
    `${APP}api/mail/v0.py feedback`,
    '/api/mail/v0/feedback',
    { status: 501, body: ref('FrontendMessage') },
    {
      form: { rating: '5', comment: 'Works with Fram.', subject: 'Rating', 'feedback-type': 'rating' },
      note: 'No MAIL_CLIENT: MailClientNotImplemented, 501 {msg}.',
    },
  ),
  frontend(
    'POST',
    '/api/mail/v0/notification',
    `${APP}api/mail/v0.py notification (api/utils/notification_utils.py send_notification)`,
    '/api/mail/v0/notification',
    { status: 202, body: ref('FrontendMessage') },
    {
      json: {
        notificationType: 'owner_added',
        options: { resource_name: `${TABLE_PARTS.schema}.${TABLE_PARTS.name}`, resource_path: tablePath },
        recipients: [OTHER_PERSON],
        sender: PERSON,
      },
      note: 'NOTIFICATIONS_ENABLED is off: 202 {msg}.',
    },
  ),

  frontend(
    'GET',
    '/api/metadata/v0/popular_resources',
    `${V0} popular_resources`,
    `${M}/popular_resources?types=table,dashboard`,
    ok(ref('FrontendPopular')),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/table',
    `${V0} get_table_metadata (api/utils/metadata_utils.py marshall_table_full)`,
    `${M}/table?${qs({ key: TABLE, ...fromSearch })}`,
    ok(within('FrontendTable', 'tableData', ['columns', 'owners', 'tags', 'badges', 'table_readers'])),
  ),
  frontend('PUT', '/api/metadata/v0/update_table_owner', `${V0} update_table_owner`, `${M}/update_table_owner`, message, {
    json: tableOwner,
  }),
  frontend('DELETE', '/api/metadata/v0/update_table_owner', `${V0} update_table_owner`, `${M}/update_table_owner`, message, {
    json: tableOwner,
  }),
  frontend(
    'GET',
    '/api/metadata/v0/get_last_indexed',
    `${V0} get_last_indexed`,
    `${M}/get_last_indexed`,
    ok({ allOf: [ref('FrontendLastIndexed'), { properties: { timestamp: { type: 'integer' } } }] }),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_table_description',
    `${V0} get_table_description`,
    `${M}/get_table_description?${qs({ key: TABLE })}`,
    ok(ref('FrontendDescription')),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_column_description',
    `${V0} get_column_description`,
    `${M}/get_column_description?${qs({ key: TABLE, column_name: COLUMN })}`,
    ok(ref('FrontendDescription')),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_type_metadata_description',
    `${V0} get_type_metadata_description`,
    `${M}/get_type_metadata_description?type_metadata_key=${TYPE_METADATA}`,
    ok(ref('FrontendDescription')),
  ),
  frontend('PUT', '/api/metadata/v0/put_table_description', `${V0} put_table_description`, `${M}/put_table_description`, message, {
    json: { description, key: TABLE, source: 'user' },
  }),
  frontend('PUT', '/api/metadata/v0/put_column_description', `${V0} put_column_description`, `${M}/put_column_description`, message, {
    json: { description, column_name: COLUMN, key: TABLE, source: 'user' },
  }),
  frontend(
    'PUT',
    '/api/metadata/v0/put_type_metadata_description',
    `${V0} put_type_metadata_description`,
    `${M}/put_type_metadata_description`,
    message,
    { json: { description, type_metadata_key: TYPE_METADATA, table_key: NESTED_TABLE, source: 'user' } },
  ),
  frontend('GET', '/api/metadata/v0/tags', `${V0} get_tags`, `${M}/tags`, ok(withItems('FrontendTags', ['tags']))),
  frontend('GET', '/api/metadata/v0/badges', `${V0} get_badges`, `${M}/badges`, ok(withItems('FrontendBadges', ['badges']))),
  frontend('PUT', '/api/metadata/v0/update_table_tags', `${V0} update_table_tags`, `${M}/update_table_tags`, message, { json: tableTag }),
  frontend('DELETE', '/api/metadata/v0/update_table_tags', `${V0} update_table_tags`, `${M}/update_table_tags`, message, {
    json: tableTag,
  }),
  frontend('PUT', '/api/metadata/v0/update_dashboard_tags', `${V0} update_dashboard_tags`, `${M}/update_dashboard_tags`, message, {
    json: dashboardTag,
  }),
  frontend('DELETE', '/api/metadata/v0/update_dashboard_tags', `${V0} update_dashboard_tags`, `${M}/update_dashboard_tags`, message, {
    json: dashboardTag,
  }),
  frontend(
    'GET',
    '/api/metadata/v0/user',
    `${V0} get_user`,
    `${M}/user?${qs({ ...fromSearch, user_id: PERSON })}`,
    ok(ref('FrontendUserAnswer')),
  ),
  frontend('PUT', '/api/metadata/v0/user/bookmark', `${V0} update_bookmark`, `${M}/user/bookmark`, ok(ref('FrontendBookmarkChange')), {
    json: bookmark,
  }),
  frontend(
    'GET',
    '/api/metadata/v0/user/bookmark',
    `${V0} get_bookmark`,
    `${M}/user/bookmark`,
    ok(within('FrontendBookmarks', 'bookmarks', ['table', 'dashboard'])),
    { note: 'The signed-in person follows a table (loaded) and the dashboard of the PUT before.' },
  ),
  frontend('DELETE', '/api/metadata/v0/user/bookmark', `${V0} update_bookmark`, `${M}/user/bookmark`, ok(ref('FrontendBookmarkChange')), {
    json: bookmark,
  }),
  frontend(
    'GET',
    '/api/metadata/v0/user/read',
    `${V0} get_user_read`,
    `${M}/user/read?user_id=${PERSON}`,
    ok(withItems('FrontendRead', ['read'])),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/user/own',
    `${V0} get_user_own`,
    `${M}/user/own?user_id=${PERSON}`,
    ok(within('FrontendOwn', 'own', ['table', 'dashboard'])),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/dashboard',
    `${V0} get_dashboard_metadata (api/utils/metadata_utils.py marshall_dashboard_full)`,
    `${M}/dashboard?${qs({ ...fromSearch, uri: DASHBOARD })}`,
    ok(within('FrontendDashboard', 'dashboard', ['owners', 'tables', 'chart_names'])),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/table/<path:table_key>/dashboards',
    `${V0} get_related_dashboard_metadata`,
    `${M}/table/${encodeURIComponent(TABLE)}/dashboards`,
    ok(withItems('FrontendTableDashboards', ['dashboards'])),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_table_lineage',
    `${V0} get_table_lineage (api/utils/metadata_utils.py marshall_lineage_table)`,
    `${M}/get_table_lineage?${qs({ key: TABLE, depth: 1, direction: 'both' })}`,
    ok(withItems('FrontendLineage', ['upstream_entities', 'downstream_entities'])),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_column_lineage',
    `${V0} get_column_lineage`,
    `${M}/get_column_lineage?${qs({ key: TABLE, depth: 1, direction: 'both', column_name: COLUMN })}`,
    ok(ref('FrontendLineage')),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_feature_description',
    `${V0} get_feature_description`,
    `${M}/get_feature_description?${qs({ key: FEATURE })}`,
    ok(ref('FrontendDescription')),
  ),
  frontend('PUT', '/api/metadata/v0/put_feature_description', `${V0} put_feature_description`, `${M}/put_feature_description`, message, {
    json: { key: FEATURE, description },
  }),
  frontend(
    'GET',
    '/api/metadata/v0/get_feature_generation_code',
    `${V0} get_feature_generation_code`,
    `${M}/get_feature_generation_code?${qs({ key: FEATURE })}`,
    ok(ref('GenerationCode')),
  ),
  frontend(
    'GET',
    '/api/metadata/v0/get_feature_lineage',
    `${V0} get_feature_lineage`,
    `${M}/get_feature_lineage?${qs({ key: FEATURE, depth: 1, direction: 'upstream' })}`,
    ok(ref('FrontendLineage')),
  ),
  frontend('PUT', '/api/metadata/v0/update_feature_owner', `${V0} update_feature_owner`, `${M}/update_feature_owner`, message, {
    json: featureOwner,
  }),
  frontend('DELETE', '/api/metadata/v0/update_feature_owner', `${V0} update_feature_owner`, `${M}/update_feature_owner`, message, {
    json: featureOwner,
  }),
  frontend('PUT', '/api/metadata/v0/update_feature_tags', `${V0} update_feature_tags`, `${M}/update_feature_tags`, message, {
    json: featureTag,
  }),
  frontend('DELETE', '/api/metadata/v0/update_feature_tags', `${V0} update_feature_tags`, `${M}/update_feature_tags`, message, {
    json: featureTag,
  }),
  frontend(
    'GET',
    '/api/metadata/v0/feature',
    `${V0} get_feature_metadata (api/utils/metadata_utils.py marshall_feature_full)`,
    `${M}/feature?${qs({ key: FEATURE, ...fromSearch })}`,
    ok(within('FrontendFeature', 'featureData', ['owners', 'tags'])),
  ),

  frontend(
    'GET',
    '/api/notices/v0/table',
    `${APP}api/notice/v0.py get_table_notices_summary`,
    `/api/notices/v0/table?${qs({ resource: 'table', key: TABLE })}`,
    ok(withItems('FrontendNotices', ['notices'])), // the stack posts one on TABLE
    { note: 'With a notice client: 200 {notices, msg}.' },
  ),
  frontend(
    'GET',
    '/api/dashboard_preview/v0/dashboard/<path:uri>/preview.jpg',
    `${APP}api/preview/dashboard/v0.py get_preview_image`,
    `/api/dashboard_preview/v0/dashboard/${DASHBOARD}/preview.jpg`,
    { status: 500 },
    {
      note: "No Mode credentials: ModePreview's constructor raises outside the handler's try (any other product: NotImplementedError), so Flask answers 500.",
    },
  ),
  frontend(
    'POST',
    '/api/preview/v0/',
    `${APP}api/preview/v0.py get_table_preview`,
    '/api/preview/v0/',
    { status: 501, body: ref('FrontendNoPreview') },
    {
      json: { database: TABLE_PARTS.database, schema: TABLE_PARTS.schema, tableName: TABLE_PARTS.name, cluster: TABLE_PARTS.cluster },
      note: 'No PREVIEW_CLIENT: 501 {previewData: {}, msg}.',
    },
  ),
  frontend(
    'POST',
    '/api/preview/v0/feature_preview',
    `${APP}api/preview/v0.py get_feature_preview`,
    '/api/preview/v0/feature_preview',
    { status: 501, body: ref('FrontendNoPreview') },
    {
      json: { feature_name: FEATURE_PARTS.name, feature_group: FEATURE_PARTS.feature_group, version: FEATURE_PARTS.version },
      note: 'No PREVIEW_CLIENT: 501 {previewData: {}, msg}.',
    },
  ),
  frontend(
    'GET',
    '/api/quality/v0/table/summary',
    `${APP}api/quality/v0.py get_table_quality_checks_summary`,
    `/api/quality/v0/table/summary?${qs({ key: TABLE })}`,
    { status: 501, body: ref('FrontendNoQualityChecks') },
    { note: 'No QUALITY_CLIENT: 501 {checks: {}, msg}.' },
  ),
  frontend(
    'POST',
    '/api/search/v1/search',
    `${APP}api/search/v1.py search (api/utils/search_utils.py map_*_result)`,
    '/api/search/v1/search',
    ok(within('FrontendSearch', 'table', ['results'])),
    {
      json: {
        filters: { table: {}, dashboard: {}, feature: {} },
        pageIndex: 0,
        resources,
        resultsPerPage: 10,
        searchTerm: 'sessions',
        searchType: 'submit_search_term',
        highlightingOptions: Object.fromEntries(resources.map((r) => [r, { enable_highlight: true }])),
      },
    },
  ),
  frontend(
    'GET',
    '/api/issue/issues',
    `${APP}api/issue/issue.py IssuesAPI (registered in __init__.py)`,
    `/api/issue/issues?key=${TABLE}`,
    { status: 202, body: ref('FrontendMessage') },
    { note: 'ISSUE_TRACKER_CLIENT_ENABLED is off: 202 {msg}.' },
  ),
  frontend(
    'POST',
    '/api/issue/issue',
    `${APP}api/issue/issue.py IssueAPI (registered in __init__.py)`,
    '/api/issue/issue',
    { status: 202, body: ref('FrontendMessage') },
    {
      json: {
        key: TABLE,
        title: 'Sessions look short',
        description: 'Reported by the Amundsen compatibility suite.',
        owner_ids: ['hedy@example.com'],
        frequent_user_ids: [PERSON],
        priority_level: 'P2',
        project_key: 'DATA',
        resource_path: tablePath,
      },
      note: 'ISSUE_TRACKER_CLIENT_ENABLED is off: 202 {msg}.',
    },
  ),
];
