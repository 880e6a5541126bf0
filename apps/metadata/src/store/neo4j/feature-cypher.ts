/**
 * The Cypher of ML features, in the graph databuilder writes (databuilder/models/feature/*.py):
 * `Feature {key: '{group}/{name}/{version}', name, version, status, entity, data_type,
 * created_timestamp, last_updated_timestamp}`, `(Feature)-[GROUPED_BY]->(Feature_Group {key, name})`
 * and back `GROUPS`, `(Feature)-[FEATURE_AVAILABLE_IN]->(Database)` and back `AVAILABLE_FEATURE`,
 * descriptions and programmatic descriptions (`DESCRIPTION` / `DESCRIPTION_OF`),
 * `(Feature)-[WATERMARK]->(Feature_Watermark {key: '{feature}/{type}', watermark_type, timestamp})`
 * and back `BELONG_TO_FEATURE`, `(Feature)-[GENERATION_CODE]->(Feature_Generation_Code {key:
 * '{feature}/_generation_code', text, source, last_executed_timestamp})` and back
 * `GENERATION_CODE_OF`, tags, badges, owners and reads as for tables, and lineage between features
 * (`HAS_UPSTREAM` / `HAS_DOWNSTREAM`).
 *
 * Only syntax that Neo4j 4.4 and 5 both run: pattern comprehensions and FOREACH, no `CALL (x) {}`
 * subqueries. A Feature node without a name is one that lineage named before it was ingested: it is
 * not a feature of the catalog. Each statement is linted with Neo4j's parser (cypher.spec.ts) with
 * FEATURE_CYPHER_PARAMETERS.
 */

import { editDescription, hiddenIngestedDescription, ingestDescription, INGESTED } from './edited-description-cypher';

/**
 * Replaces the links of each `$items` feature that ingestion made (not those a person made: tags, badges and
 * owners; see edited-description-cypher.ts) to nodes of `label` by `forward` / `backward` relationships (a list: `values`).
 */
const replaceLinks = (forward: string, backward: string, label: string, merge: string) => `
    UNWIND $items AS item
    MATCH (feature:Feature {key: item.key})
    OPTIONAL MATCH (feature)-[forward:${forward}]->(linked:${label})
    WHERE ${INGESTED('forward')}
    OPTIONAL MATCH (linked)-[backward:${backward}]->(feature)
    DELETE forward, backward
    WITH DISTINCT feature, item
    UNWIND item.values AS value
    ${merge}
    MERGE (feature)-[:${forward}]->(node)
    MERGE (node)-[:${backward}]->(feature)`;

export const FEATURE_CYPHER = {
  constraints: ['CREATE CONSTRAINT fram_feature_key IF NOT EXISTS FOR (n:Feature) REQUIRE n.key IS UNIQUE'],

  /** Every feature of `$keys` with all it links to, one row each (pattern comprehensions: no row multiplication). */
  featuresByKeys: `
    UNWIND $keys AS key
    MATCH (feature:Feature {key: key})
    WHERE feature.name IS NOT NULL
    RETURN key, feature {.*} AS feature,
           [(group:Feature_Group)-[:GROUPS]->(feature) | group.name] AS groups,
           [(feature)-[:DESCRIPTION]->(description:Description) | description.description] AS descriptions,
           ${hiddenIngestedDescription('feature')} AS hidden_ingested_description,
           [(feature)-[:DESCRIPTION]->(program:Programmatic_Description) | {source: program.description_source, text: program.description}]
             AS programmatic_descriptions,
           [(db:Database)-[:AVAILABLE_FEATURE]->(feature) | db.name] AS availability,
           [(watermark:Feature_Watermark)-[:BELONG_TO_FEATURE]->(feature)
             | {key: watermark.key, watermark_type: watermark.watermark_type, time: coalesce(watermark.time, watermark.timestamp)}] AS watermarks,
           [(code:Feature_Generation_Code)-[:GENERATION_CODE_OF]->(feature)
             | {key: code.key, text: code.text, source: code.source, last_executed_timestamp: code.last_executed_timestamp}] AS codes,
           [(feature)-[:TAGGED_BY]->(tag:Tag) | {tag_name: tag.key, tag_type: coalesce(tag.tag_type, 'default')}] AS tags,
           [(feature)-[:HAS_BADGE]->(badge:Badge) | {badge_name: badge.key, category: badge.category}] AS badges,
           [(feature)-[:OWNER]->(owner:User) | owner.key] AS owners,
           reduce(total = 0, n IN [(feature)-[read:READ_BY]->(:User) | read.read_count] | total + coalesce(n, 0)) AS usage`,

  listFeatureKeys: `
    MATCH (feature:Feature) WHERE feature.key > $after AND feature.name IS NOT NULL
    RETURN feature.key AS key ORDER BY key LIMIT $limit`,

  featureExists: 'MATCH (feature:Feature {key: $key}) WHERE feature.name IS NOT NULL RETURN count(feature) AS n',

  setFeatureDescription: `
    MATCH (feature:Feature {key: $key}) WHERE feature.name IS NOT NULL
    ${editDescription('feature', "$key + '/_description'")}
    RETURN count(feature) AS n`,

  /** The feature, its group and its description (replaced, removed when null, unless a person edited it: then kept apart). */
  upsertFeatures: `
    UNWIND $features AS f
    MERGE (feature:Feature {key: f.key})
    SET feature.name = f.name, feature.version = f.version, feature.status = f.status, feature.entity = f.entity,
        feature.data_type = f.data_type, feature.created_timestamp = f.created_timestamp,
        feature.last_updated_timestamp = f.last_updated_timestamp,
        feature.published_tag = 'fram_api', feature.publisher_last_updated_epoch_ms = $now
    MERGE (group:Feature_Group {key: f.feature_group}) SET group.name = f.feature_group
    MERGE (feature)-[:GROUPED_BY]->(group)
    MERGE (group)-[:GROUPS]->(feature)
    WITH feature, f
    ${ingestDescription('feature', "f.key + '/_description'", 'f.description', 'feature, f')}
    RETURN count(feature) AS n`,

  replaceFeatureAvailability: replaceLinks(
    'FEATURE_AVAILABLE_IN',
    'AVAILABLE_FEATURE',
    'Database',
    "MERGE (node:Database {key: 'database://' + value}) ON CREATE SET node.name = value",
  ),

  replaceFeatureTags: replaceLinks('TAGGED_BY', 'TAG', 'Tag', "MERGE (node:Tag {key: value}) ON CREATE SET node.tag_type = 'default'"),

  replaceFeatureBadges: replaceLinks(
    'HAS_BADGE',
    'BADGE_FOR',
    'Badge',
    'MERGE (node:Badge {key: value.badge_name}) ON CREATE SET node.category = value.category',
  ),

  replaceFeatureOwners: replaceLinks(
    'OWNER',
    'OWNER_OF',
    'User',
    'MERGE (node:User {key: value}) ON CREATE SET node.email = value, node.user_id = value, node.is_active = true',
  ),

  replaceFeatureProgrammaticDescriptions: `
    UNWIND $items AS item
    MATCH (feature:Feature {key: item.key})
    OPTIONAL MATCH (feature)-[:DESCRIPTION]->(old:Programmatic_Description)
    DETACH DELETE old
    WITH DISTINCT feature, item
    UNWIND item.values AS p
    MERGE (description:Programmatic_Description {key: item.key + '/_' + p.source + '_description'})
    SET description.description = p.text, description.description_source = p.source
    MERGE (feature)-[:DESCRIPTION]->(description)
    MERGE (description)-[:DESCRIPTION_OF]->(feature)`,

  replaceFeatureWatermarks: `
    UNWIND $items AS item
    MATCH (feature:Feature {key: item.key})
    OPTIONAL MATCH (old:Feature_Watermark)-[:BELONG_TO_FEATURE]->(feature)
    DETACH DELETE old
    WITH DISTINCT feature, item
    UNWIND item.values AS w
    MERGE (watermark:Feature_Watermark {key: item.key + '/' + w.watermark_type})
    SET watermark.watermark_type = w.watermark_type, watermark.timestamp = w.time
    MERGE (feature)-[:WATERMARK]->(watermark)
    MERGE (watermark)-[:BELONG_TO_FEATURE]->(feature)`,

  /** `item.code` null removes the generation code. */
  replaceFeatureGenerationCode: `
    UNWIND $items AS item
    MATCH (feature:Feature {key: item.key})
    OPTIONAL MATCH (old:Feature_Generation_Code)-[:GENERATION_CODE_OF]->(feature)
    DETACH DELETE old
    WITH DISTINCT feature, item
    WHERE item.code IS NOT NULL
    MERGE (code:Feature_Generation_Code {key: item.key + '/_generation_code'})
    SET code.text = item.code.text, code.source = item.code.source, code.last_executed_timestamp = item.code.last_executed_timestamp
    MERGE (feature)-[:GENERATION_CODE]->(code)
    MERGE (code)-[:GENERATION_CODE_OF]->(feature)`,

  upsertFeatureLineage: `
    UNWIND $edges AS e
    MERGE (upstream:Feature {key: e.upstream})
    MERGE (downstream:Feature {key: e.downstream})
    MERGE (upstream)-[:HAS_DOWNSTREAM]->(downstream)
    MERGE (downstream)-[:HAS_UPSTREAM]->(upstream)`,
} as const;

/** Example parameters of every statement, for linting. */
export const FEATURE_CYPHER_PARAMETERS: Record<string, unknown> = {
  key: 'rides/trip_duration/1.2.0',
  keys: ['rides/trip_duration/1.2.0'],
  description: 'text',
  features: [],
  items: [],
  edges: [],
  now: 1,
  after: '',
  limit: 10,
};
