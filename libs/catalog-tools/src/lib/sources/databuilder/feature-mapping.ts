import { FEATURE_KEY, parseFeatureKey, type FeatureLineageRecord, type FeatureRecord } from '@fram/models';
import type { Graph } from './graph-files';
import { badgesOf, descriptionsOf, nonEmpty, ownersOf, tagsOf, unique } from './resource-links';
import { lineageBetween, withoutUndefined } from './table-mapping';
import { integer, text } from './values';
import type { Warnings } from './warnings';

/*
 * ML features as databuilder's models write them (databuilder/databuilder/models/feature/):
 * - feature_metadata.py: Feature `{group}/{name}/{version}` (name, version, status, entity, data_type,
 *   created_timestamp, last_updated_timestamp) -GROUPED_BY-> Feature_Group `{group}`; -DESCRIPTION-> Description;
 *   -FEATURE_AVAILABLE_IN-> Database `database://{db}`; -TAGGED_BY-> Tag.
 * - feature_watermark.py: Feature -WATERMARK-> Feature_Watermark `{feature key}/{type}` (timestamp, watermark_type).
 * - feature_generation_code.py: Feature -GENERATION_CODE-> Feature_Generation_Code `{feature key}/_generation_code`
 *   (text, source, last_executed_timestamp).
 * - owner.py, badge.py and table_lineage.py's lineage between features are as for tables.
 */

export function mapFeatures(graph: Graph, warnings: Warnings): FeatureRecord[] {
  const features: FeatureRecord[] = [];
  for (const feature of graph.nodes('Feature')) {
    const parts = parseFeatureKey(feature.key);
    if (!parts) {
      warnings.add('Feature nodes', 'keys that are not {feature_group}/{name}/{version}; not imported');
      continue;
    }
    feature.used = true;
    graph.follow(feature, 'GROUPED_BY', 'Feature_Group');
    const record: FeatureRecord = { ...parts };
    for (const field of ['status', 'entity', 'data_type'] as const) {
      const value = text(feature.props[field]);
      if (value !== undefined) record[field] = value;
    }
    for (const field of ['created_timestamp', 'last_updated_timestamp'] as const) {
      const value = integer(feature.props[field]);
      if (value !== undefined && value >= 0) record[field] = value;
    }
    const { description, programmatic } = descriptionsOf(graph, feature);
    if (description !== undefined) record.description = description;
    record.programmatic_descriptions = nonEmpty(programmatic);
    record.availability = nonEmpty(
      unique(
        graph
          .follow(feature, 'FEATURE_AVAILABLE_IN', 'Database')
          .map(({ edge, node }) => text(node?.props['name']) ?? edge.key.replace(/^database:\/\//, '')),
      ),
    );
    record.tags = nonEmpty(tagsOf(graph, feature));
    record.badges = nonEmpty(badgesOf(graph, feature));
    record.owners = nonEmpty(ownersOf(graph, feature));
    record.watermarks = nonEmpty(
      graph.follow(feature, 'WATERMARK', 'Feature_Watermark').flatMap(({ edge, node }) => {
        const type = text(node?.props['watermark_type']) ?? edge.key.split('/').at(-1);
        const time = integer(node?.props['timestamp']) ?? text(node?.props['timestamp']);
        return type !== undefined && time !== undefined ? [{ watermark_type: type, time }] : [];
      }),
    );
    for (const { node } of graph.follow(feature, 'GENERATION_CODE', 'Feature_Generation_Code')) {
      const code = text(node?.props['text']);
      if (code === undefined) continue;
      record.generation_code = { text: code, source: text(node?.props['source']) ?? null };
      const executed = integer(node?.props['last_executed_timestamp']);
      if (executed !== undefined && executed >= 0) record.generation_code.last_executed_timestamp = executed;
    }
    features.push(withoutUndefined(record));
  }
  return features;
}

export function mapFeatureLineage(graph: Graph, warnings: Warnings): FeatureLineageRecord[] {
  return lineageBetween(graph, 'Feature', (key) => FEATURE_KEY.test(key), warnings);
}
