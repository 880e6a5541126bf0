/** The generated records, in the shapes the ingestion API takes. */
export interface GeneratedCatalog {
  users: { email: string; first_name: string; last_name: string; team_name: string }[];
  tables: {
    database: string;
    cluster: string;
    schema: string;
    name: string;
    description?: string;
    columns: { name: string; col_type: string; description?: string }[];
    tags: string[];
    owners: string[];
    last_updated_timestamp: number;
  }[];
  reads: { user: string; table_key: string; read_count: number }[];
  /** Only when `features` were asked for. */
  features?: {
    feature_group: string;
    name: string;
    version: string;
    status: string;
    entity: string;
    data_type: string;
    availability: string[];
    description?: string;
    tags: string[];
    owners: string[];
    watermarks: { watermark_type: string; time: number }[];
    generation_code: { text: string; source: string };
    last_updated_timestamp: number;
  }[];
  /** Only when `features` were asked for: each feature but a group's first computed from the one before it. */
  feature_lineage?: { upstream: string; downstream: string }[];
  tableKeys: string[];
}

export interface GeneratorOptions {
  tables: number;
  users: number;
  /** Reads per user. */
  readsPerUser?: number;
  /** ML features, in groups of up to 20 (default none). The rest of the catalog is the same with or without them. */
  features?: number;
  seed?: number;
}

/** mulberry32: a small deterministic PRNG, so a seed always gives the same catalog. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATABASES = [
  { database: 'hive', clusters: ['gold', 'silver'] },
  { database: 'bigquery', clusters: ['prod', 'dev'] },
  { database: 'snowflake', clusters: ['acme'] },
  { database: 'postgres', clusters: ['shop', 'billing'] },
];
const DOMAINS = [
  'sales',
  'orders',
  'customers',
  'marketing',
  'finance',
  'product',
  'logistics',
  'support',
  'hr',
  'risk',
  'growth',
  'payments',
];
const NOUNS = [
  'events',
  'orders',
  'sessions',
  'accounts',
  'invoices',
  'payments',
  'shipments',
  'campaigns',
  'tickets',
  'items',
  'snapshots',
  'metrics',
  'users',
  'devices',
  'transactions',
  'subscriptions',
];
const QUALIFIERS = ['daily', 'hourly', 'raw', 'clean', 'agg', 'latest', 'history', 'enriched', 'v2', 'by_country', 'by_channel', 'weekly'];
const COLUMN_NAMES = [
  'id',
  'created_at',
  'updated_at',
  'customer_id',
  'order_id',
  'amount',
  'currency',
  'country_code',
  'status',
  'channel',
  'device_type',
  'session_id',
  'product_id',
  'quantity',
  'event_name',
  'event_ts',
  'is_active',
  'campaign_id',
  'revenue_eur',
  'cost_eur',
  'score',
  'label',
  'source',
  'region',
  'email_sha256',
];
const TYPES = ['bigint', 'string', 'timestamp', 'decimal(12,2)', 'boolean', 'date', 'int', 'double'];
const TEAMS = ['Data Platform', 'Analytics', 'Marketing', 'Finance', 'Product', 'Operations'];
const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Frances',
  'John',
  'Radia',
  'Ken',
  'Annie',
  'Hedy',
  'Claude',
  'Tim',
  'Linus',
  'Guido',
  'Yukihiro',
  'Anders',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Allen',
  'Backus',
  'Perlman',
  'Thompson',
  'Easley',
  'Lamarr',
  'Shannon',
  'Berners-Lee',
  'Torvalds',
  'van Rossum',
  'Matsumoto',
  'Hejlsberg',
];

/**
 * A synthetic catalog for benchmarks: `tables` tables with 5 to 30 columns
 * spread over a few databases and schemas, most of them described, tagged and
 * owned, `users` people, and reads.
 */
export function generateCatalog(options: GeneratorOptions): GeneratedCatalog {
  const rnd = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const users = Array.from({ length: options.users }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    return {
      email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}.${i}@example.com`,
      first_name: first,
      last_name: last,
      team_name: pick(TEAMS),
    };
  });
  const tables: GeneratedCatalog['tables'] = [];
  const tableKeys: string[] = [];
  for (let i = 0; i < options.tables; i++) {
    const db = pick(DATABASES);
    const cluster = pick(db.clusters);
    const schema = `${pick(DOMAINS)}${i % 7 === 0 ? '_staging' : ''}`;
    const name = `${pick(NOUNS)}_${pick(QUALIFIERS)}_${i}`;
    const columnCount = 5 + Math.floor(rnd() * 26);
    const columns = Array.from({ length: columnCount }, (_, c) => ({
      name: c < COLUMN_NAMES.length ? COLUMN_NAMES[c] : `${pick(COLUMN_NAMES)}_${c}`,
      col_type: pick(TYPES),
      ...(rnd() < 0.4 && { description: `The ${pick(COLUMN_NAMES).replace(/_/g, ' ')} of the row.` }),
    }));
    tables.push({
      database: db.database,
      cluster,
      schema,
      name,
      ...(rnd() < 0.6 && { description: `${name.replace(/_/g, ' ')} for the ${schema} domain, refreshed ${pick(QUALIFIERS)}.` }),
      columns,
      tags: rnd() < 0.7 ? [pick(DOMAINS), pick(DOMAINS)].filter((t, k, all) => all.indexOf(t) === k) : [],
      owners: users.length > 0 && rnd() < 0.8 ? [pick(users).email] : [],
      last_updated_timestamp: 1_760_000_000 + Math.floor(rnd() * 4_000_000),
    });
    tableKeys.push(`${db.database}://${cluster}.${schema}/${name}`);
  }
  const reads = users.flatMap((u) =>
    Array.from({ length: Math.min(options.readsPerUser ?? 20, tableKeys.length) }, () => ({
      user: u.email,
      table_key: pick(tableKeys),
      read_count: 1 + Math.floor(rnd() * 200),
    })),
  );
  const unique = new Map(reads.map((r) => [`${r.user} ${r.table_key}`, r]));
  const catalog: GeneratedCatalog = { users, tables, reads: [...unique.values()], tableKeys };
  return options.features ? { ...catalog, ...generateFeatures(options.features, users, options.seed ?? 42) } : catalog;
}

const ENTITIES = ['customer', 'order', 'session', 'product', 'account'];
const AGGREGATES = ['count', 'sum', 'avg', 'max', 'share', 'days_since'];
const WINDOWS = ['7d', '30d', '90d', '365d'];

/** Features from a PRNG of their own, so that asking for them changes nothing else. */
function generateFeatures(
  count: number,
  users: GeneratedCatalog['users'],
  seed: number,
): Required<Pick<GeneratedCatalog, 'features' | 'feature_lineage'>> {
  const rnd = random(seed ^ 0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const features: NonNullable<GeneratedCatalog['features']> = [];
  const feature_lineage: NonNullable<GeneratedCatalog['feature_lineage']> = [];
  for (let i = 0; i < count; i++) {
    const group = Math.floor(i / 20);
    const entity = ENTITIES[group % ENTITIES.length];
    const feature_group = `${entity}_${DOMAINS[group % DOMAINS.length]}_${group}`;
    const name = `${pick(NOUNS)}_${pick(AGGREGATES)}_${pick(WINDOWS)}_${i}`;
    const updated = 1_760_000_000 + Math.floor(rnd() * 4_000_000);
    features.push({
      feature_group,
      name,
      version: String(1 + Math.floor(rnd() * 3)),
      status: rnd() < 0.9 ? 'active' : 'deprecated',
      entity,
      data_type: pick(['int64', 'float64', 'bool', 'string']),
      availability: [pick(DATABASES).database],
      ...(rnd() < 0.7 && { description: `${name.replace(/_/g, ' ')} per ${entity}.` }),
      tags: rnd() < 0.7 ? ['ml', pick(DOMAINS)] : ['ml'],
      owners: users.length > 0 ? [pick(users).email] : [],
      watermarks: [
        { watermark_type: 'low_watermark', time: updated - 90 * 86_400 },
        { watermark_type: 'high_watermark', time: updated },
      ],
      generation_code: { text: `SELECT ${entity}_id, ${name} FROM features.${feature_group}`, source: `features/${feature_group}.sql` },
      last_updated_timestamp: updated,
    });
    const previous = features[i - 1];
    if (i % 20 !== 0)
      feature_lineage.push({
        upstream: `${previous.feature_group}/${previous.name}/${previous.version}`,
        downstream: `${feature_group}/${name}/${features[i].version}`,
      });
  }
  return { features, feature_lineage };
}
