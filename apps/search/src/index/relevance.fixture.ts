import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalogSearchDocuments,
  featureDocument,
  normalizeUser,
  type DashboardDocument,
  type FeatureDocument,
  type DashboardRecord,
  type ReadRecord,
  type TableDocument,
  type TableRecord,
  type UserDocument,
} from '@fram/models';
import { workspaceRoot } from '@fram/testing';

/** Tables that are not in the sample catalog but whose names search must handle. */
const EXTRA_TABLES: TableRecord[] = [
  {
    database: 'kafka',
    cluster: 'prod',
    schema: 'streams',
    name: 'userSignupEvents',
    description: 'Sign-ups as they happen.',
    columns: [{ name: 'userId', col_type: 'string' }],
  },
  {
    database: 'kafka',
    cluster: 'prod',
    schema: 'streams',
    name: 'HTTPRequestLog',
    description: 'Every request to the public API.',
    columns: [{ name: 'statusCode', col_type: 'int' }],
  },
];

/** The search documents of data/sample-catalog.json (and a few extra tables), as metadata sends them once it is ingested. */
export function relevanceCatalog(): { tables: TableDocument[]; users: UserDocument[]; dashboards: DashboardDocument[] } {
  const sample = JSON.parse(readFileSync(join(workspaceRoot(), 'data', 'sample-catalog.json'), 'utf8')) as {
    users: Record<string, unknown>[];
    tables: TableRecord[];
    dashboards: DashboardRecord[];
    reads: ReadRecord[];
  };
  const documents = catalogSearchDocuments({
    tables: [...sample.tables, ...EXTRA_TABLES],
    users: sample.users.map((u) => normalizeUser(u)),
    dashboards: sample.dashboards,
    reads: sample.reads,
  });
  return { tables: documents.table, users: documents.user, dashboards: documents.dashboard };
}

const feature = (
  feature_group: string,
  name: string,
  version: string,
  extra: { entity?: string; status?: string; description?: string; availability?: string[]; tags?: string[]; usage?: number } = {},
): FeatureDocument =>
  featureDocument(
    {
      key: `${feature_group}/${name}/${version}`,
      name,
      version,
      feature_group,
      status: extra.status ?? 'active',
      entity: extra.entity ?? null,
      availability: extra.availability ?? [],
      description: extra.description ?? null,
      tags: (extra.tags ?? []).map((tag_name) => ({ tag_name })),
      badges: [],
      last_updated_timestamp: 1_700_000_000,
    },
    extra.usage ?? 0,
  );

/** ML features (their own documents here, not the sample catalog's): keys `{feature_group}/{name}/{version}`, as Amundsen's. */
export function relevanceFeatures(): FeatureDocument[] {
  return [
    feature('rider_metrics', 'trip_duration_avg', '1.0', {
      entity: 'rider',
      description: 'Average trip duration over the last 30 days, in seconds.',
      availability: ['hive', 'dynamo'],
      tags: ['ml', 'core'],
      usage: 40,
    }),
    feature('rider_metrics', 'trip_duration_avg', '2.0', { entity: 'rider', status: 'beta', availability: ['hive'], usage: 3 }),
    feature('rider_metrics', 'trips_last_week', '1.0', { entity: 'rider', availability: ['hive'], tags: ['ml'], usage: 12 }),
    feature('driver_metrics', 'acceptance_rate', '1.0', {
      entity: 'driver',
      description: 'Share of ride requests a driver accepts.',
      availability: ['dynamo'],
      usage: 25,
    }),
    feature('driver_metrics', 'cancellation_rate', '1.0', { entity: 'driver', status: 'deprecated', usage: 1 }),
    feature('fraud_signals', 'chargeback_count', '3.1', {
      entity: 'payment',
      description: 'Chargebacks of the card in the last 90 days.',
      availability: ['redis'],
      tags: ['fraud'],
    }),
  ];
}

export interface RelevanceCase {
  query: string;
  type: 'table' | 'user' | 'dashboard' | 'feature';
  first: string;
  filters?: { name: string; values: string[]; operation: 'AND' | 'OR' }[];
  why: string;
}

const T = (key: string) => key;

/** Each query with the result that must come first. */
export const RELEVANCE_CASES: RelevanceCase[] = [
  { query: 'orders', type: 'table', first: T('hive://gold.core/orders'), why: 'exact name before tables that contain it' },
  { query: 'ordrs', type: 'table', first: T('hive://gold.core/orders'), why: 'one typo' },
  { query: 'oredrs', type: 'table', first: T('hive://gold.core/orders'), why: 'swapped letters' },
  { query: 'order items', type: 'table', first: T('hive://gold.core/order_items'), why: 'snake_case parts' },
  { query: 'order_items', type: 'table', first: T('hive://gold.core/order_items'), why: 'exact snake_case name' },
  { query: 'orderitems', type: 'table', first: T('hive://gold.core/order_items'), why: 'name typed without the underscore' },
  { query: 'custmers', type: 'table', first: T('hive://gold.core/customers'), why: 'typo in a name' },
  {
    query: 'customer lifetime value',
    type: 'table',
    first: T('bigquery://prod.analytics/customer_lifetime_value'),
    why: 'all words of a name',
  },
  { query: 'clv', type: 'table', first: T('bigquery://prod.analytics/customer_lifetime_value'), why: 'a column name part' },
  { query: 'daily revenue', type: 'table', first: T('bigquery://prod.analytics/daily_revenue'), why: 'two words of a name' },
  { query: 'revenue recognition', type: 'table', first: T('bigquery://prod.finance/revenue_recognition'), why: 'two words of a name' },
  { query: 'revenue recog', type: 'table', first: T('bigquery://prod.finance/revenue_recognition'), why: 'a prefix while typing' },
  { query: 'payments', type: 'table', first: T('hive://gold.core/payments'), why: 'exact name before fct_payments' },
  { query: 'paymnets', type: 'table', first: T('hive://gold.core/payments'), why: 'typo; the shorter name wins' },
  { query: 'sessions', type: 'table', first: T('bigquery://prod.analytics/sessions'), why: 'exact name' },
  { query: 'sessi', type: 'table', first: T('bigquery://prod.analytics/sessions'), why: 'prefix while typing' },
  { query: 'page views', type: 'table', first: T('bigquery://prod.analytics/page_views'), why: 'words of a name' },
  { query: 'pageviews', type: 'table', first: T('bigquery://prod.analytics/page_views'), why: 'name typed without the underscore' },
  { query: 'funnel', type: 'table', first: T('bigquery://prod.analytics/funnel_daily'), why: 'a word of a name' },
  { query: 'churn', type: 'table', first: T('bigquery://prod.analytics/churn_scores'), why: 'a word of a name' },
  { query: 'ab test results', type: 'table', first: T('bigquery://prod.analytics/ab_test_results'), why: 'all words of a name' },
  { query: 'email sends', type: 'table', first: T('hive://gold.marketing/email_sends'), why: 'words of a name' },
  { query: 'newsletter', type: 'table', first: T('hive://gold.marketing/newsletter_subscriptions'), why: 'a word of a name' },
  { query: 'voucher', type: 'table', first: T('hive://gold.marketing/vouchers'), why: 'singular for plural (prefix)' },
  { query: 'warehouses', type: 'table', first: T('hive://gold.core/warehouses'), why: 'exact name over a schema called warehouse' },
  { query: 'exchange rates', type: 'table', first: T('hive://gold.core/exchange_rates'), why: 'words of a name' },
  { query: 'gl journal', type: 'table', first: T('bigquery://prod.finance/gl_journal_lines'), why: 'prefix of a name' },
  { query: 'invoices', type: 'table', first: T('bigquery://prod.finance/invoices'), why: 'exact name before erp_invoices_raw' },
  { query: 'dim customer', type: 'table', first: T('snowflake://acme.warehouse/dim_customer'), why: 'words of a name' },
  { query: 'fct_orders', type: 'table', first: T('snowflake://acme.warehouse/fct_orders'), why: 'exact name' },
  { query: 'web events raw', type: 'table', first: T('hive://silver.staging/web_events_raw'), why: 'words of a name' },
  { query: 'cohort retention', type: 'table', first: T('bigquery://prod.analytics/cohort_retention'), why: 'words of a name' },
  { query: 'psp_reference', type: 'table', first: T('hive://gold.core/payments'), why: 'a column name' },
  { query: 'tracking number', type: 'table', first: T('hive://gold.core/shipments'), why: 'a column name in words' },
  { query: 'carrier', type: 'table', first: T('hive://gold.core/shipments'), why: 'a column name' },
  { query: 'discount_amount', type: 'table', first: T('hive://gold.core/orders'), why: 'an exact column name' },
  { query: 'signup events', type: 'table', first: T('kafka://prod.streams/userSignupEvents'), why: 'camelCase parts' },
  { query: 'http request log', type: 'table', first: T('kafka://prod.streams/HTTPRequestLog'), why: 'acronym in camelCase' },
  { query: 'statusCode', type: 'table', first: T('kafka://prod.streams/HTTPRequestLog'), why: 'a camelCase column' },
  { query: 'hive.gold.core.orders', type: 'table', first: T('hive://gold.core/orders'), why: 'a dotted path' },
  {
    query: 'orders',
    type: 'table',
    first: T('bigquery://prod.analytics/orders_enriched'),
    why: 'a database filter',
    filters: [{ name: 'database', values: ['bigquery'], operation: 'OR' }],
  },
  {
    query: 'orders',
    type: 'table',
    first: T('snowflake://acme.warehouse/fct_orders'),
    why: 'a wildcard filter',
    filters: [{ name: 'schema', values: ['*ware*'], operation: 'OR' }],
  },
  {
    query: 'invoices',
    type: 'table',
    first: T('bigquery://prod.finance/invoices'),
    why: 'a tag filter',
    filters: [{ name: 'tag', values: ['finance'], operation: 'AND' }],
  },
  { query: 'ada', type: 'user', first: 'ada@example.com', why: 'a first name' },
  { query: 'lovelace', type: 'user', first: 'ada@example.com', why: 'a last name' },
  { query: 'grace hopper', type: 'user', first: 'grace@example.com', why: 'a full name' },
  { query: 'hoper', type: 'user', first: 'grace@example.com', why: 'a typo in a last name' },
  { query: 'margret', type: 'user', first: 'margaret@example.com', why: 'a typo in a first name' },
  { query: 'barbara@example.com', type: 'user', first: 'barbara@example.com', why: 'an email' },
  { query: 'kath', type: 'user', first: 'katherine@example.com', why: 'a prefix of a first name' },
  { query: 'company kpis', type: 'dashboard', first: 'mode_dashboard://prod.executive/company_kpis', why: 'words of a dashboard name' },
  { query: 'weekly revenue', type: 'dashboard', first: 'mode_dashboard://prod.sales/weekly_revenue', why: 'words of a dashboard name' },
  {
    query: 'conversion funel',
    type: 'dashboard',
    first: 'tableau_dashboard://prod.product/conversion_funnel',
    why: 'a typo in a dashboard name',
  },
  {
    query: 'month end close',
    type: 'dashboard',
    first: 'looker_dashboard://prod.finance/month_end_close',
    why: 'words of a dashboard name',
  },
  { query: 'experiments', type: 'dashboard', first: 'looker_dashboard://prod.product/experiments', why: 'exact dashboard name' },
  {
    query: 'trip duration',
    type: 'feature',
    first: 'rider_metrics/trip_duration_avg/1.0',
    why: 'words of a feature name; the most used version',
  },
  { query: 'acceptence rate', type: 'feature', first: 'driver_metrics/acceptance_rate/1.0', why: 'a typo in a feature name' },
  { query: 'chargebacks', type: 'feature', first: 'fraud_signals/chargeback_count/3.1', why: 'a word of a description' },
  {
    query: 'rate',
    type: 'feature',
    first: 'driver_metrics/cancellation_rate/1.0',
    why: 'a status filter',
    filters: [{ name: 'status', values: ['deprecated'], operation: 'OR' }],
  },
];
