import type { Badge, Tag, User } from '../../types';

/** A program's text about a feature (e.g. from a feature store), named by its source. */
export interface ProgrammaticDescription {
  source: string;
  text: string;
}

/** A feature's high or low watermark: `time` as metadata gives it (seconds since the epoch, or a date). */
export interface FeatureWatermark {
  key?: string | null;
  watermark_type: string | null;
  time: string | number | null;
}

/** What `GET /api/metadata/v0/feature?key=` answers (`featureData`). */
export interface FeatureDetail {
  key: string;
  name: string;
  version: string;
  feature_group: string;
  status: string | null;
  entity: string | null;
  data_type: string | null;
  availability: string[];
  description: string | null;
  owners: User[];
  badges: Badge[];
  tags: Tag[];
  programmatic_descriptions: { left: ProgrammaticDescription[]; right: ProgrammaticDescription[]; other: ProgrammaticDescription[] };
  watermarks: FeatureWatermark[];
  last_updated_timestamp: number | null;
  created_timestamp: number | null;
  /** The caller may edit it (the write role, or an owner). */
  is_editable: boolean;
}

/** A feature's generation code (`get_feature_generation_code`). */
export interface GenerationCode {
  key?: string | null;
  text: string;
  source?: string | null;
}

/** One entity of a feature's lineage: a table (its key split into parts) or another feature. */
export interface FeatureLineageEntity {
  key: string;
  level: number;
  source?: string;
  database?: string;
  cluster?: string;
  schema?: string;
  name?: string;
}

export interface FeatureLineage {
  upstream_entities: FeatureLineageEntity[];
  downstream_entities: FeatureLineageEntity[];
}
