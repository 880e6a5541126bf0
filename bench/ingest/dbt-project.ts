/**
 * A generated dbt target directory for bench/ingest: manifest.json (schema
 * v12, the fields dbt 1.8+ writes for a model) and catalog.json (the
 * warehouse's column types and order), for a project of `models` models with
 * `columns` columns in all. Deterministic: a seed always writes the same bytes.
 *
 * The project is a postgres warehouse ("warehouse") with staging,
 * intermediate and mart models over twelve domains. Each model has a
 * description (nearly all), tags, meta.owner (most; some name two people),
 * 4 to 36 columns of which about three in four are documented in the
 * manifest (the rest only in catalog.json, as in real projects), and
 * depends_on edges to earlier models (staging models read nothing here: the
 * project has no sources, so that every table is one of the `models`).
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tableKey } from '@fram/models';

export interface DbtProjectOptions {
  models: number;
  /** Columns in all, spread over the models (at least one each). */
  columns: number;
  seed?: number;
}

/** What was written, to check the conversion and the import against. */
export interface DbtProject {
  models: number;
  columns: number;
  /** Columns the manifest documents (the others are only in catalog.json). */
  documentedColumns: number;
  /** Distinct depends_on edges between models: the table lineage edges expected. */
  lineageEdges: number;
  /** Distinct owner ids named in meta.owner. */
  owners: number;
  manifestBytes: number;
  catalogBytes: number;
  /** A model with upstreams, columns and owners, to look at after the import. */
  sample: { key: string; columns: number; owners: number; upstreams: number };
}

/** mulberry32, as @fram/catalog-tools' generator uses: a small deterministic PRNG. */
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

const PROJECT = 'acme_analytics';
const DATABASE = 'warehouse';
const ADAPTER = 'postgres';
const GENERATED_AT = '2026-11-30T06:00:00.000000Z';
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
const NOUNS = ['events', 'accounts', 'sessions', 'invoices', 'shipments', 'tickets', 'campaigns', 'subscriptions', 'refunds', 'visits'];
/** The first third of the models are staging, the second intermediate, the last marts (no ephemeral models: each is a table). */
const LAYERS = [
  { prefix: 'stg', schema: 'staging', materializations: ['view'], maxParents: 0 },
  { prefix: 'int', schema: 'intermediate', materializations: ['view', 'incremental'], maxParents: 3 },
  { prefix: 'fct', schema: 'marts', materializations: ['table', 'incremental'], maxParents: 4 },
] as const;
const COLUMN_WORDS = [
  'customer_id',
  'order_id',
  'account_id',
  'amount',
  'currency',
  'status',
  'country',
  'channel',
  'created_at',
  'updated_at',
  'loaded_at',
  'quantity',
  'unit_price',
  'discount',
  'email',
  'segment',
  'region',
  'is_active',
  'score',
  'category',
  'source_system',
  'event_date',
  'session_count',
  'revenue',
  'margin',
];
const TYPES = ['integer', 'bigint', 'text', 'character varying', 'numeric', 'boolean', 'timestamp without time zone', 'date', 'jsonb'];
const TAGS = ['finance', 'pii', 'daily', 'hourly', 'core', 'experimental', 'certified', 'marketing', 'gdpr', 'kpi'];
const FIRST = [
  'ada',
  'alan',
  'grace',
  'edsger',
  'barbara',
  'donald',
  'margaret',
  'ken',
  'radia',
  'john',
  'frances',
  'niklaus',
  'lynn',
  'tim',
  'sophie',
];
const LAST = [
  'lovelace',
  'turing',
  'hopper',
  'dijkstra',
  'liskov',
  'knuth',
  'hamilton',
  'thompson',
  'perlman',
  'backus',
  'allen',
  'wirth',
  'conway',
  'berners',
  'wilson',
];
const PHRASES = [
  'as reported by the source system',
  'in the reporting currency',
  'deduplicated on the natural key',
  'one row per business day',
  'null when not yet known',
  'refreshed every night by the orchestration job',
  'see the data contract for the exact definition',
];

/** Buffered writes to a file descriptor (a few MB at a time), so the whole manifest is never one string. */
class Output {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 4_000_000) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Column counts of 4 to 36 (about `mean` each), adjusted to sum to exactly `total`. */
function columnCounts(models: number, total: number, rand: () => number): number[] {
  if (total < models) throw new Error(`--columns (${total}) must be at least --models (${models})`);
  const mean = total / models;
  const low = Math.max(1, Math.round(mean * 0.2));
  const high = Math.max(low, Math.round(mean * 1.8));
  const counts = Array.from({ length: models }, () => low + Math.floor(rand() * (high - low + 1)));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  while (missing !== 0) {
    const i = Math.floor(rand() * models);
    if (missing > 0 && counts[i] < high) {
      counts[i]++;
      missing--;
    } else if (missing < 0 && counts[i] > low) {
      counts[i]--;
      missing++;
    }
  }
  return counts;
}

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)];

/** Writes `dir/manifest.json` and `dir/catalog.json` (dir must exist). */
export function writeDbtProject(dir: string, options: DbtProjectOptions): DbtProject {
  const rand = random(options.seed ?? 16);
  const counts = columnCounts(options.models, options.columns, rand);
  const ids: string[] = [];
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  const ownerIds = new Set<string>();
  let documentedColumns = 0;
  let lineageEdges = 0;
  let sample: DbtProject['sample'] | undefined;

  const manifest = openSync(join(dir, 'manifest.json'), 'w');
  const catalog = openSync(join(dir, 'catalog.json'), 'w');
  const m = new Output(manifest);
  const c = new Output(catalog);
  try {
    m.write(
      `{"metadata":${JSON.stringify({
        dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
        dbt_version: '1.8.7',
        generated_at: GENERATED_AT,
        invocation_id: '6f0f1b7e-5a7c-4c1b-9c64-0d2b1a6c2e10',
        env: {},
        project_name: PROJECT,
        project_id: 'b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5',
        user_id: null,
        send_anonymous_usage_stats: false,
        adapter_type: ADAPTER,
      })},"nodes":{`,
    );
    c.write(
      `{"metadata":${JSON.stringify({
        dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
        dbt_version: '1.8.7',
        generated_at: GENERATED_AT,
        invocation_id: '6f0f1b7e-5a7c-4c1b-9c64-0d2b1a6c2e10',
        env: {},
      })},"nodes":{`,
    );

    for (let i = 0; i < options.models; i++) {
      const layer = LAYERS[Math.min(2, Math.floor((3 * i) / options.models))];
      const domain = DOMAINS[i % DOMAINS.length];
      const name = `${layer.prefix}_${domain}_${pick(NOUNS, rand)}_${String(i).padStart(5, '0')}`;
      const schema = layer.schema === 'marts' ? `marts_${domain}` : layer.schema;
      const id = `model.${PROJECT}.${name}`;
      ids.push(id);
      const materialized = pick(layer.materializations, rand);

      const parents = new Set<string>();
      if (layer.maxParents > 0 && i > 0) {
        const wanted = 1 + Math.floor(rand() * layer.maxParents);
        for (let p = 0; p < wanted; p++) {
          // Mostly recent models, sometimes anything earlier: long chains and wide fan-in both appear.
          const back = rand() < 0.7 ? 1 + Math.floor(rand() * Math.min(i, 200)) : 1 + Math.floor(rand() * i);
          parents.add(ids[i - back]);
        }
      }
      const dependsOn = [...parents];
      parentMap[id] = dependsOn;
      childMap[id] = [];
      for (const parent of dependsOn) childMap[parent].push(id);
      lineageEdges += dependsOn.length;

      const owners: string[] = [];
      if (rand() < 0.9) {
        const person = () => `${pick(FIRST, rand)}.${pick(LAST, rand)}@example.com`;
        owners.push(person());
        if (rand() < 0.1) owners.push(person());
        for (const owner of owners) ownerIds.add(owner);
      }
      const meta: Record<string, unknown> = owners.length > 0 ? { owner: owners.join(', ') } : {};
      if (rand() < 0.3) meta['maturity'] = pick(['gold', 'silver', 'bronze'], rand);
      const tags = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(TAGS, rand)))];
      const description =
        rand() < 0.95
          ? `${domain[0].toUpperCase()}${domain.slice(1)} ${name.split('_')[2]} at the ${layer.schema} layer, ${pick(PHRASES, rand)}.` +
            (rand() < 0.3 ? `\n\n**Grain:** one row per ${pick(COLUMN_WORDS, rand)}; ${pick(PHRASES, rand)}.` : '')
          : '';

      const used = new Set<string>();
      const manifestColumns: Record<string, unknown> = {};
      const catalogColumns: Record<string, unknown> = {};
      const columnNames: string[] = [];
      for (let j = 0; j < counts[i]; j++) {
        let column = j === 0 ? 'id' : pick(COLUMN_WORDS, rand);
        for (let n = 2; used.has(column); n++) column = `${column.replace(/_\d+$/, '')}_${n}`;
        used.add(column);
        columnNames.push(column);
        const type = pick(TYPES, rand);
        catalogColumns[column] = { type, index: j + 1, name: column, comment: null };
        if (rand() < 0.75) {
          documentedColumns++;
          const pii = rand() < 0.05;
          manifestColumns[column] = {
            name: column,
            description: `The ${column.replace(/_/g, ' ')} of the ${name.split('_')[2]}, ${pick(PHRASES, rand)}.`,
            meta: pii ? { contains_pii: true } : {},
            data_type: rand() < 0.1 ? type : null,
            constraints: [],
            quote: null,
            config: { meta: pii ? { contains_pii: true } : {}, tags: pii ? ['pii'] : [] },
            tags: pii ? ['pii'] : [],
            granularity: null,
            dimension: null,
            entity: null,
            doc_blocks: [],
          };
        }
      }

      const path = `${layer.schema}/${domain}/${name}.sql`;
      const from = dependsOn.length > 0 ? dependsOn.map((p) => `{{ ref('${p.split('.')[2]}') }}`) : [`{{ source('raw', '${domain}') }}`];
      const rawCode = `with base as (\n    select * from ${from.join('\n    union all select * from ')}\n)\nselect\n    ${columnNames.join(',\n    ')}\nfrom base`;
      const node = {
        database: DATABASE,
        schema,
        name,
        resource_type: 'model',
        package_name: PROJECT,
        path,
        original_file_path: `models/${path}`,
        unique_id: id,
        fqn: [PROJECT, layer.schema, domain, name],
        alias: name,
        checksum: { name: 'sha256', checksum: (i * 2654435761).toString(16).padStart(64, '0') },
        config: {
          enabled: true,
          alias: null,
          schema: layer.schema === 'marts' ? `marts_${domain}` : layer.schema,
          database: null,
          tags,
          meta,
          group: null,
          materialized,
          incremental_strategy: null,
          persist_docs: {},
          'post-hook': [],
          'pre-hook': [],
          quoting: {},
          column_types: {},
          full_refresh: null,
          unique_key: materialized === 'incremental' ? 'id' : null,
          on_schema_change: 'ignore',
          on_configuration_change: 'apply',
          grants: {},
          packages: [],
          docs: { show: true, node_color: null },
          contract: { enforced: false, alias_types: true },
          access: 'protected',
        },
        tags,
        description,
        columns: manifestColumns,
        meta,
        group: null,
        docs: { show: true, node_color: null },
        patch_path: `${PROJECT}://models/${layer.schema}/${domain}/_${domain}__models.yml`,
        build_path: null,
        unrendered_config: { materialized },
        created_at: 1796018400 + i / 1000,
        relation_name: `"${DATABASE}"."${schema}"."${name}"`,
        raw_code: rawCode,
        language: 'sql',
        refs: dependsOn.map((p) => ({ name: p.split('.')[2], package: null, version: null })),
        sources: dependsOn.length === 0 ? [['raw', domain]] : [],
        metrics: [],
        depends_on: { macros: materialized === 'incremental' ? ['macro.dbt.is_incremental'] : [], nodes: dependsOn },
        compiled_path: `target/compiled/${PROJECT}/models/${path}`,
        compiled: true,
        compiled_code: rawCode.replace(/\{\{ ref\('([^']+)'\) \}\}/g, `"${DATABASE}"."${schema}"."$1"`),
        extra_ctes_injected: true,
        extra_ctes: [],
        contract: { enforced: false, alias_types: true, checksum: null },
        access: 'protected',
        constraints: [],
        version: null,
        latest_version: null,
        deprecation_date: null,
      };
      m.write(`${i === 0 ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(node)}`);
      c.write(
        `${i === 0 ? '' : ','}${JSON.stringify(id)}:${JSON.stringify({
          metadata: {
            type: materialized === 'view' ? 'VIEW' : 'BASE TABLE',
            schema,
            name,
            database: DATABASE,
            comment: null,
            owner: 'dbt',
          },
          columns: catalogColumns,
          stats: {
            has_stats: {
              id: 'has_stats',
              label: 'Has Stats?',
              value: false,
              include: false,
              description: 'Indicates whether there are statistics for this table',
            },
          },
          unique_id: id,
        })}`,
      );

      // The first model with upstreams and owners, or a later one with several upstreams and columns.
      const rich = (upstreams: number, columnCount: number) => upstreams >= 2 && columnCount >= options.columns / options.models;
      if (
        dependsOn.length > 0 &&
        owners.length > 0 &&
        (!sample || (!rich(sample.upstreams, sample.columns) && rich(dependsOn.length, counts[i])))
      ) {
        sample = {
          key: tableKey({ database: ADAPTER, cluster: DATABASE, schema, name }),
          columns: counts[i],
          owners: owners.length,
          upstreams: dependsOn.length,
        };
      }
    }

    m.write(
      '},"sources":{},"macros":{},"docs":{},"exposures":{},"metrics":{},"groups":{},"selectors":{},"disabled":{},' +
        `"parent_map":${JSON.stringify(parentMap)},"child_map":${JSON.stringify(childMap)},` +
        '"group_map":{},"saved_queries":{},"semantic_models":{},"unit_tests":{}}',
    );
    c.write('},"sources":{},"errors":null}');
    m.flush();
    c.flush();
  } finally {
    closeSync(manifest);
    closeSync(catalog);
  }
  if (!sample) throw new Error('too few models for a sample with upstreams and owners');
  return {
    models: options.models,
    columns: options.columns,
    documentedColumns,
    lineageEdges,
    owners: ownerIds.size,
    manifestBytes: statSync(join(dir, 'manifest.json')).size,
    catalogBytes: statSync(join(dir, 'catalog.json')).size,
    sample,
  };
}
