import type { Badge, FeatureLineageRecord, FeatureRecord, LineageItem, Tag } from '@fram/models';
import type { Edit } from './edit';

/** A feature's watermark: `{feature key}/{watermark_type}`, its time as text (databuilder writes epoch seconds). */
export interface StoredFeatureWatermark {
  key: string;
  watermark_type: string;
  time: string;
}

/** The code that computes a feature (databuilder's Feature_Generation_Code, key `{feature key}/_generation_code`). */
export interface StoredGenerationCode {
  key: string;
  text: string;
  source: string | null;
  last_executed_timestamp: number | null;
}

/**
 * An ML feature as the store keeps it (databuilder's Feature with its Feature_Group, databases,
 * descriptions, watermarks and generation code); owners are user keys, resolved by the service.
 * Lists are sorted: availability, owners, tags and badges by name, watermarks by type, programmatic
 * descriptions by source.
 */
export interface StoredFeature {
  key: string;
  feature_group: string;
  name: string;
  version: string;
  status: string | null;
  entity: string | null;
  data_type: string | null;
  availability: string[];
  description: string | null;
  programmatic_descriptions: { source: string; text: string }[];
  watermarks: StoredFeatureWatermark[];
  generation_code: StoredGenerationCode | null;
  created_timestamp: number | null;
  last_updated_timestamp: number | null;
  tags: Tag[];
  badges: Badge[];
  owners: string[];
  /** The sum of its read counts (READ_BY). */
  usage: number;
}

/**
 * ML features and their groups, feature-to-feature lineage. Tags, badges, owners and bookmarks of
 * features are the ResourceStore's and PeopleStore's (type `feature`). A change answers false when
 * the feature does not exist, and is recorded in the change feed when it is made.
 */
export abstract class FeatureStore {
  abstract getFeature(key: string): Promise<StoredFeature | undefined>;
  /** The features of `keys` that exist, as getFeature answers them, in the order of `keys`: one read for many. */
  abstract featuresByKeys(keys: readonly string[]): Promise<StoredFeature[]>;
  /** Keys of every feature, in key order, after `after`: for full reindexing. */
  abstract listFeatureKeys(after: string, limit: number): Promise<string[]>;
  /**
   * A person's description: it wins over ingestion for good, even an empty one; the ingested text it hides is
   * shown as the programmatic description `ingested`, and updated by ingestion.
   */
  abstract setFeatureDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  /**
   * Upserts features with their group, databases, descriptions, watermarks, generation code, tags, badges and owners, in one
   * transaction. The description given is shown unless a person edited it; tags, badges and owners given replace only those
   * ingestion gave (people's stay).
   */
  abstract upsertFeatures(features: FeatureRecord[], edit: Edit): Promise<number>;
  /** Feature-to-feature lineage edges; their ends need not be features of the catalog (yet). */
  abstract upsertFeatureLineage(edges: FeatureLineageRecord[], edit: Edit): Promise<number>;
  /** Features up- and downstream of `key` within `depth` hops; undefined when the feature does not exist. */
  abstract featureLineage(key: string, depth: number): Promise<{ upstream: LineageItem[]; downstream: LineageItem[] } | undefined>;
}
