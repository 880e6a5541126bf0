/*
 * The data the operations read and change: data/sample-catalog.json (loaded
 * by @fram/testing's ingestSampleCatalog) plus a few records of this suite's
 * own, all through Fram's ingestion API. The keys below name what the
 * operations are called with.
 */

/** A table of the sample catalog with dashboards, upstream and downstream lineage, readers, owners and a badge. */
export const TABLE = 'bigquery://prod.analytics/sessions';
export const TABLE_PARTS = { database: 'bigquery', cluster: 'prod', schema: 'analytics', name: 'sessions' };
export const COLUMN = 'session_id';

/** A dashboard of the sample catalog (charts, four tables, an owner). */
export const DASHBOARD = 'mode_dashboard://prod.executive/company_kpis';

/** The signed-in person (frontend) and the person whose token calls metadata and search: an admin. */
export const PERSON = 'ada@example.com';
/** Another person of the sample catalog (made an owner, then not). */
export const OTHER_PERSON = 'grace@example.com';
/** A person this suite creates with PUT /user. */
export const NEW_PERSON = { email: 'compat.person@example.com', first_name: 'Compat', last_name: 'Person', team_name: 'Compatibility' };

/** Whitelisted badges (Amundsen's WHITELIST_BADGES; Fram's default list) put on and taken off again. */
export const BADGE = { name: 'alpha', category: 'table_status' };
export const COLUMN_BADGE = { name: 'pii', category: 'data_sensitivity' };
/** A tag put on and taken off again. */
export const TAG = 'compat_check';

/**
 * A table with a nested column type: databuilder turns `struct<...>` column
 * types into a tree of type metadata (databuilder/models/type_metadata.py),
 * its root keyed `{column key}/type/{column name}`.
 */
export const NESTED_TABLE = 'hive://gold.compat/events';
export const NESTED_COLUMN = 'payload';
export const TYPE_METADATA = `${NESTED_TABLE}/${NESTED_COLUMN}/type/${NESTED_COLUMN}`;

/** A dashboard the person owns (so /user/{id}/own/ has a dashboard to answer). */
export const OWNED_DASHBOARD = 'mode_dashboard://prod.compat/compat_overview';

/** An ML feature: Amundsen's key is `{feature_group}/{name}/{version}`. */
export const FEATURE_PARTS = { feature_group: 'customer_features', name: 'orders_last_30d', version: '1.0' };
export const FEATURE = `${FEATURE_PARTS.feature_group}/${FEATURE_PARTS.name}/${FEATURE_PARTS.version}`;

/** v1 search documents this suite creates, updates and deletes (search's /document_* API). */
export const DOCUMENT_IDS = { table: 'compat-table-document', user: 'compat-user-document', feature: 'compat-feature-document' };

/**
 * This suite's records, each kind in a call of its own to `POST /ingest/{kind}`
 * (so a kind Fram cannot ingest yet is refused alone, and reported).
 */
export const COMPAT_CATALOG: Record<string, unknown[]> = {
  tables: [
    {
      database: 'hive',
      cluster: 'gold',
      schema: 'compat',
      name: 'events',
      description: 'Events with a nested payload.',
      columns: [
        { name: 'event_id', col_type: 'bigint', description: 'The event' },
        {
          name: NESTED_COLUMN,
          col_type: 'struct<id:bigint,kind:string,labels:array<string>>',
          description: 'What happened',
          // databuilder's TypeMetadata tree of the column type (Fram's ingestion takes it as databuilder makes it)
          type_metadata: {
            kind: 'struct',
            name: NESTED_COLUMN,
            data_type: 'struct<id:bigint,kind:string,labels:array<string>>',
            sort_order: 0,
            children: [
              { kind: 'scalar', name: 'id', data_type: 'bigint', sort_order: 0 },
              { kind: 'scalar', name: 'kind', data_type: 'string', sort_order: 1 },
              { kind: 'array', name: 'labels', data_type: 'array<string>', sort_order: 2 },
            ],
          },
        },
      ],
      owners: [PERSON],
      tags: ['compat'],
    },
  ],
  dashboards: [
    {
      product: 'mode',
      cluster: 'prod',
      group_name: 'compat',
      group_url: 'https://mode.example.com/compat',
      name: 'compat_overview',
      url: 'https://mode.example.com/compat/compat_overview',
      description: 'Sessions at a glance.',
      chart_names: ['Sessions'],
      tables: [TABLE],
      owners: [PERSON],
      tags: ['compat'],
    },
  ],
  // Amundsen's Feature (common/amundsen_common/models/feature.py) with its generation code
  // (common/amundsen_common/models/generation_code.py); Fram has no /ingest/features yet.
  features: [
    {
      ...FEATURE_PARTS,
      status: 'active',
      entity: 'customer',
      data_type: 'bigint',
      availability: ['hive'],
      description: 'Orders a customer placed in the last 30 days.',
      owners: [PERSON],
      tags: ['sales'],
      badges: [{ badge_name: 'certified', category: 'table_status' }],
      generation_code: { text: 'SELECT customer_id, count(*) FROM hive.gold.core.orders GROUP BY 1', source: 'dbt' },
    },
  ],
};
