import type Database from 'better-sqlite3';
import { featureKey, type FeatureLineageRecord, type FeatureRecord, type LineageItem } from '@fram/models';
import type { StoredFeature, StoredFeatureWatermark, StoredGenerationCode } from '../ports/feature-store';
import { withHiddenIngested } from '../edited-descriptions';
import { INGESTED, KEEP_EDITED_DESCRIPTION } from './edit-origin';
import { lineageWalkSql } from './lineage-walk';

type Row = Record<string, unknown>;

/**
 * The embedded store's ML features, on its SQLite connection: the `features` and `feature_lineage`
 * tables, and the shared tags, badges, owners and reads tables with resource_type 'feature'.
 * EmbeddedMetadataStore runs the changes in its transactions, with their audit entries; lists are
 * kept sorted as StoredFeature has them.
 */
export class EmbeddedFeatureTables {
  private readonly q: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.q = prepare(db);
  }

  exists(key: string): boolean {
    return this.q.exists.get(key) !== undefined;
  }

  read(key: string): StoredFeature | undefined {
    const row = this.q.feature.get(key) as Row | undefined;
    if (!row) return undefined;
    const stored = row['generation_code'];
    const code = typeof stored === 'string' ? (JSON.parse(stored) as Omit<StoredGenerationCode, 'key'>) : null;
    return {
      key,
      feature_group: String(row['feature_group']),
      name: String(row['name']),
      version: String(row['version']),
      status: text(row['status']),
      entity: text(row['entity']),
      data_type: text(row['data_type']),
      availability: JSON.parse(String(row['availability'])) as string[],
      description: text(row['description']),
      programmatic_descriptions: withHiddenIngested(
        JSON.parse(String(row['programmatic_descriptions'])) as StoredFeature['programmatic_descriptions'],
        text(row['description']),
        row['description_edited'] === 1 ? text(row['ingested_description']) : null,
      ).sort((a, b) => compare(a.source, b.source)),
      watermarks: (JSON.parse(String(row['watermarks'])) as Omit<StoredFeatureWatermark, 'key'>[]).map((w) => ({
        key: `${key}/${w.watermark_type}`,
        ...w,
      })),
      generation_code: code && { key: `${key}/_generation_code`, ...code },
      created_timestamp: (row['created_timestamp'] as number | null) ?? null,
      last_updated_timestamp: (row['last_updated_timestamp'] as number | null) ?? null,
      tags: (this.q.tags.all(key) as Row[]).map((t) => ({ tag_name: String(t['tag_name']), tag_type: String(t['tag_type']) })),
      badges: (this.q.badges.all(key) as Row[]).map((b) => ({ badge_name: String(b['badge_name']), category: String(b['category']) })),
      owners: (this.q.owners.all(key) as Row[]).map((o) => String(o['user_key'])),
      usage: this.usage(key),
    };
  }

  keysAfter(after: string, limit: number): string[] {
    return (this.q.keysAfter.all(after, limit) as Row[]).map((r) => String(r['key']));
  }

  setDescription(key: string, description: string): boolean {
    return this.q.setDescription.run(description, key).changes > 0;
  }

  /** Upserts `records` (inside the caller's transaction); answers their keys. */
  upsert(records: readonly FeatureRecord[]): string[] {
    return records.map((f) => {
      const key = featureKey(f);
      this.q.upsert.run({
        key,
        feature_group: f.feature_group,
        name: f.name,
        version: f.version,
        status: f.status ?? null,
        entity: f.entity ?? null,
        data_type: f.data_type ?? null,
        description: f.description ?? null,
        created_timestamp: f.created_timestamp ?? null,
        last_updated_timestamp: f.last_updated_timestamp ?? null,
      });
      if (f.availability) this.q.setAvailability.run(JSON.stringify([...new Set(f.availability)].sort()), key);
      if (f.programmatic_descriptions) {
        const bySource = new Map(f.programmatic_descriptions.map((p) => [p.source, { source: p.source, text: p.text }]));
        this.q.setProgrammaticDescriptions.run(JSON.stringify([...bySource.values()].sort((a, b) => compare(a.source, b.source))), key);
      }
      if (f.watermarks) {
        const byType = new Map(f.watermarks.map((w) => [w.watermark_type, { watermark_type: w.watermark_type, time: String(w.time) }]));
        this.q.setWatermarks.run(JSON.stringify([...byType.values()].sort((a, b) => compare(a.watermark_type, b.watermark_type))), key);
      }
      if (f.generation_code !== undefined) {
        const code = f.generation_code && {
          text: f.generation_code.text,
          source: f.generation_code.source ?? null,
          last_executed_timestamp: f.generation_code.last_executed_timestamp ?? null,
        };
        this.q.setGenerationCode.run(code && JSON.stringify(code), key);
      }
      // Ingested lists replace what ingestion put there; what people added (by_hand) stays.
      if (f.tags) {
        this.q.deleteIngestedTags.run(key);
        for (const tag of f.tags) this.q.addTag.run(key, tag, INGESTED);
      }
      if (f.badges) {
        this.q.deleteIngestedBadges.run(key);
        for (const b of f.badges) this.q.addBadge.run(key, b.badge_name, b.category, INGESTED);
      }
      if (f.owners) {
        this.q.deleteIngestedOwners.run(key);
        for (const owner of f.owners) this.q.addOwner.run(key, owner, INGESTED);
      }
      return key;
    });
  }

  /** Adds lineage edges (inside the caller's transaction). */
  addLineage(edges: readonly FeatureLineageRecord[]): void {
    for (const e of edges) this.q.addLineage.run(e.upstream, e.downstream);
  }

  lineage(key: string, depth: number): { upstream: LineageItem[]; downstream: LineageItem[] } | undefined {
    if (!this.exists(key)) return undefined;
    const items = (rows: Row[]) =>
      rows.map((r): LineageItem => {
        const found = String(r['key']);
        return {
          key: found,
          level: Number(r['level']),
          source: found.split('://')[0],
          badges: (this.q.badges.all(found) as Row[]).map((b) => ({
            badge_name: String(b['badge_name']),
            category: String(b['category']),
          })),
          usage: this.usage(found),
          parent: (r['parent'] as string | null) ?? null,
          link: null,
          in_amundsen: this.exists(found),
        };
      });
    return {
      upstream: items(this.q.upstream.all({ key, depth }) as Row[]),
      downstream: items(this.q.downstream.all({ key, depth }) as Row[]),
    };
  }

  private usage(key: string): number {
    return Number((this.q.usage.get(key) as Row)['usage']);
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    exists: p('SELECT 1 FROM features WHERE key = ?'),
    feature: p('SELECT * FROM features WHERE key = ?'),
    keysAfter: p('SELECT key FROM features WHERE key > ? ORDER BY key LIMIT ?'),
    upsert: p(
      `INSERT INTO features (key, feature_group, name, version, status, entity, data_type, description, ingested_description,
         created_timestamp, last_updated_timestamp)
       VALUES (@key, @feature_group, @name, @version, @status, @entity, @data_type, @description, @description,
         @created_timestamp, @last_updated_timestamp)
       ON CONFLICT (key) DO UPDATE SET status = excluded.status, entity = excluded.entity, data_type = excluded.data_type,
         ${KEEP_EDITED_DESCRIPTION}, created_timestamp = excluded.created_timestamp, last_updated_timestamp = excluded.last_updated_timestamp`,
    ),
    setAvailability: p('UPDATE features SET availability = ? WHERE key = ?'),
    setProgrammaticDescriptions: p('UPDATE features SET programmatic_descriptions = ? WHERE key = ?'),
    setWatermarks: p('UPDATE features SET watermarks = ? WHERE key = ?'),
    setGenerationCode: p('UPDATE features SET generation_code = ? WHERE key = ?'),
    setDescription: p('UPDATE features SET description = ?, description_edited = 1 WHERE key = ?'),
    tags: p("SELECT tag_name, tag_type FROM tags WHERE resource_type = 'feature' AND resource_key = ? ORDER BY tag_name"),
    badges: p("SELECT badge_name, category FROM badges WHERE resource_type = 'feature' AND resource_key = ? ORDER BY badge_name, category"),
    owners: p("SELECT user_key FROM owners WHERE resource_type = 'feature' AND resource_key = ? ORDER BY user_key"),
    usage: p("SELECT COALESCE(SUM(read_count), 0) AS usage FROM reads WHERE resource_type = 'feature' AND resource_key = ?"),
    deleteIngestedTags: p("DELETE FROM tags WHERE resource_type = 'feature' AND resource_key = ? AND by_hand = 0"),
    addTag: p(
      "INSERT INTO tags (resource_type, resource_key, tag_name, tag_type, by_hand) VALUES ('feature', ?, ?, 'default', ?) " +
        'ON CONFLICT DO UPDATE SET tag_type = excluded.tag_type, by_hand = MAX(by_hand, excluded.by_hand)',
    ),
    deleteIngestedBadges: p("DELETE FROM badges WHERE resource_type = 'feature' AND resource_key = ? AND by_hand = 0"),
    addBadge: p(
      "INSERT INTO badges (resource_type, resource_key, badge_name, category, by_hand) VALUES ('feature', ?, ?, ?, ?) " +
        'ON CONFLICT DO UPDATE SET by_hand = MAX(by_hand, excluded.by_hand)',
    ),
    deleteIngestedOwners: p("DELETE FROM owners WHERE resource_type = 'feature' AND resource_key = ? AND by_hand = 0"),
    addOwner: p(
      "INSERT INTO owners (resource_type, resource_key, user_key, by_hand) VALUES ('feature', ?, ?, ?) " +
        'ON CONFLICT DO UPDATE SET by_hand = MAX(by_hand, excluded.by_hand)',
    ),
    addLineage: p('INSERT OR IGNORE INTO feature_lineage (upstream_key, downstream_key) VALUES (?, ?)'),
    downstream: p(lineageWalkSql('upstream_key', 'downstream_key', 'feature_lineage')),
    upstream: p(lineageWalkSql('downstream_key', 'upstream_key', 'feature_lineage')),
  };
}
