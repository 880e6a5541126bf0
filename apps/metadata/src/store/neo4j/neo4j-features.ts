import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { featureKey, parseFeatureKey, type FeatureRecord, type LineageItem, type Tag } from '@fram/models';
import type { StoredFeature, StoredFeatureWatermark, StoredGenerationCode } from '../ports/feature-store';
import { withHiddenIngested } from '../edited-descriptions';
import { lineageWalk } from './cypher';
import { FEATURE_CYPHER } from './feature-cypher';
import { badges, compare, integer, list, neo4jInt, rows, strings, text, textual, type Row } from './neo4j-rows';

/*
 * Neo4jMetadataStore's feature reads and writes, inside its transactions (it adds the audit
 * entries): the statements of feature-cypher.ts and their rows as StoredFeature.
 */

/** The features of `keys` that are in the catalog, in the order of `keys`. */
export async function readFeatures(tx: ManagedTransaction, keys: readonly string[]): Promise<StoredFeature[]> {
  if (keys.length === 0) return [];
  const found = new Map(
    (await rows(tx, FEATURE_CYPHER.featuresByKeys, { keys: [...new Set(keys)] })).map((r) => [String(r['key']), featureFromRow(r)]),
  );
  return keys.flatMap((key) => found.get(key) ?? []);
}

export async function readFeatureKeys(tx: ManagedTransaction, after: string, limit: number): Promise<string[]> {
  return (await rows(tx, FEATURE_CYPHER.listFeatureKeys, { after, limit: neo4j.int(limit) })).map((r) => String(r['key']));
}

/**
 * Upserts `features` (the last record of a key wins, as in the embedded store): scalars replaced,
 * lists and generation code only when a record has them. Answers the records' keys.
 */
export async function writeFeatures(tx: ManagedTransaction, features: readonly FeatureRecord[], now: number): Promise<string[]> {
  const latest = [...new Map(features.map((f) => [featureKey(f), f])).values()];
  const records = latest.map((f) => ({
    key: featureKey(f),
    feature_group: f.feature_group,
    name: f.name,
    version: f.version,
    status: f.status ?? null,
    entity: f.entity ?? null,
    data_type: f.data_type ?? null,
    description: f.description ?? null,
    created_timestamp: neo4jInt(f.created_timestamp),
    last_updated_timestamp: neo4jInt(f.last_updated_timestamp),
  }));
  const withList = <T>(pick: (f: FeatureRecord) => T | undefined) =>
    latest.flatMap((f) => {
      const values = pick(f);
      return values === undefined ? [] : [{ key: featureKey(f), values }];
    });
  await tx.run(FEATURE_CYPHER.upsertFeatures, { features: records, now });
  await tx.run(FEATURE_CYPHER.replaceFeatureAvailability, { items: withList((f) => f.availability) });
  await tx.run(FEATURE_CYPHER.replaceFeatureProgrammaticDescriptions, { items: withList((f) => f.programmatic_descriptions) });
  await tx.run(FEATURE_CYPHER.replaceFeatureWatermarks, {
    items: withList((f) => f.watermarks?.map((w) => ({ ...w, time: typeof w.time === 'number' ? neo4jInt(w.time) : w.time }))),
  });
  await tx.run(FEATURE_CYPHER.replaceFeatureGenerationCode, {
    items: latest.flatMap((f) =>
      f.generation_code === undefined
        ? []
        : [
            {
              key: featureKey(f),
              code: f.generation_code && {
                text: f.generation_code.text,
                source: f.generation_code.source ?? null,
                last_executed_timestamp: neo4jInt(f.generation_code.last_executed_timestamp),
              },
            },
          ],
    ),
  });
  await tx.run(FEATURE_CYPHER.replaceFeatureTags, { items: withList((f) => f.tags) });
  await tx.run(FEATURE_CYPHER.replaceFeatureBadges, { items: withList((f) => f.badges) });
  await tx.run(FEATURE_CYPHER.replaceFeatureOwners, { items: withList((f) => f.owners) });
  return features.map(featureKey);
}

/** Features up- and downstream of `key` within `depth` hops; undefined when `key` is not a feature of the catalog. */
export async function walkFeatureLineage(
  tx: ManagedTransaction,
  key: string,
  depth: number,
): Promise<{ upstream: LineageItem[]; downstream: LineageItem[] } | undefined> {
  const [exists] = await rows(tx, FEATURE_CYPHER.featureExists, { key });
  if (Number(exists?.['n'] ?? 0) === 0) return undefined;
  const walk = async (direction: 'HAS_UPSTREAM' | 'HAS_DOWNSTREAM') =>
    (await rows(tx, lineageWalk(direction, depth, 'Feature'), { key })).map((r): LineageItem => {
      const found = String(r['key']);
      return {
        key: found,
        level: Number(r['level']),
        source: found.split('://')[0],
        badges: badges(r['badges']),
        usage: integer(r['usage']) ?? 0,
        parent: text(r['parent']),
        link: null,
        in_amundsen: r['known'] === true,
      };
    });
  return { upstream: await walk('HAS_UPSTREAM'), downstream: await walk('HAS_DOWNSTREAM') };
}

/** A featuresByKeys row as a StoredFeature; what databuilder may leave out (the group, the version) comes from the key. */
export function featureFromRow(row: Row): StoredFeature {
  const key = String(row['key']);
  const node = row['feature'] as Row;
  const parts = parseFeatureKey(key);
  const description = strings(row['descriptions'])[0] ?? null;
  const watermarks = list(row['watermarks']).flatMap((w): StoredFeatureWatermark[] => {
    const wKey = text(w['key']);
    const time = w['time'];
    if (wKey === null || (typeof time !== 'string' && typeof time !== 'number')) return [];
    return [{ key: wKey, watermark_type: text(w['watermark_type']) ?? wKey.split('/').pop() ?? '', time: String(time) }];
  });
  const codes = list(row['codes']).flatMap((c): StoredGenerationCode[] => {
    const codeText = text(c['text']);
    return codeText === null
      ? []
      : [
          {
            key: String(c['key']),
            text: codeText,
            source: text(c['source']),
            last_executed_timestamp: integer(c['last_executed_timestamp']),
          },
        ];
  });
  return {
    key,
    feature_group: strings(row['groups'])[0] ?? parts?.feature_group ?? '',
    name: String(node['name']),
    version: textual(node['version']) ?? parts?.version ?? '',
    status: text(node['status']),
    entity: text(node['entity']),
    data_type: text(node['data_type']),
    availability: [...new Set(strings(row['availability']))].sort(compare),
    description,
    programmatic_descriptions: withHiddenIngested(
      list(row['programmatic_descriptions']).flatMap((p) => {
        const source = text(p['source']);
        const programmatic = text(p['text']);
        return source === null || programmatic === null ? [] : [{ source, text: programmatic }];
      }),
      description,
      text(row['hidden_ingested_description']),
    ).sort((a, b) => compare(a.source, b.source)),
    watermarks: watermarks.sort((a, b) => compare(a.watermark_type, b.watermark_type)),
    generation_code: codes[0] ?? null,
    created_timestamp: integer(node['created_timestamp']),
    last_updated_timestamp: integer(node['last_updated_timestamp']),
    tags: list(row['tags'])
      .map((t): Tag => ({ tag_name: String(t['tag_name']), tag_type: String(t['tag_type']) }))
      .sort((a, b) => compare(a.tag_name, b.tag_name)),
    badges: badges(row['badges']),
    owners: [...new Set(strings(row['owners']))].sort(compare),
    usage: integer(row['usage']) ?? 0,
  };
}
