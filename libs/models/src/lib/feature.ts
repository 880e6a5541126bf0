export type { Feature, FeatureSummary, FeatureWatermark, GenerationCode } from './amundsen-features';
export type { FeatureRecord, FeatureLineageRecord } from './feature-ingestion';

/**
 * `{feature_group}/{name}/{version}` (databuilder's FeatureMetadata.KEY_FORMAT): three parts, none
 * empty and none holding a "/"; spaces and any other character databuilder lets through are kept.
 */
export const FEATURE_KEY = /^([^/]+)\/([^/]+)\/([^/]+)$/;

export function parseFeatureKey(key: string): { feature_group: string; name: string; version: string } | undefined {
  const match = FEATURE_KEY.exec(key);
  if (!match) return undefined;
  return { feature_group: match[1], name: match[2], version: match[3] };
}

export function featureKey(parts: { feature_group: string; name: string; version: string }): string {
  return `${parts.feature_group}/${parts.name}/${parts.version}`;
}
