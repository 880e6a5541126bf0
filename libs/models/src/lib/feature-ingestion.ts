import { z } from 'zod';
import { FEATURE_KEY, featureKey } from './feature';
import { checkedText } from './metadata-api';
import { descriptionProblem, idProblem, lineProblem, tagProblem } from './text-rules';

/*
 * What feature ingestion (`POST /ingest/features`, `POST /ingest/feature_lineage`) accepts: the
 * fields of databuilder's FeatureMetadata, FeatureWatermark and FeatureGenerationCode, held to the
 * same text rules as edits. A batch is refused whole when one record breaks a rule.
 */

/** A part of a key (group, name, version, watermark type, description source): one line, no "/". */
const keyPart = (max: number) =>
  checkedText((value) => {
    if (value.length === 0) return 'must not be empty';
    if (value.includes('/')) return 'must not contain "/"';
    return lineProblem(value, max);
  });
const line = (max: number) => checkedText((value) => lineProblem(value, max));
const description = checkedText(descriptionProblem);
const timestamp = z.number().int().nonnegative();
const featureKeyText = z
  .string()
  .min(1)
  .refine((key) => FEATURE_KEY.test(key), {
    error: (issue) => `${String(issue.input)} is not a feature key; they look like {feature_group}/{name}/{version}`,
  });

const featureRecord = z
  .object({
    feature_group: keyPart(500),
    name: keyPart(500),
    version: keyPart(100),
    status: line(200).nullable().optional(),
    entity: line(500).nullable().optional(),
    data_type: line(500).nullable().optional(),
    /** The databases (names, as in table keys) the feature is available in. */
    availability: z
      .array(line(100).refine((name) => name.length > 0 && !/[:/\s]/.test(name), 'must be a database name (no ":", "/" or spaces)'))
      .max(100)
      .optional(),
    description: description.nullable().optional(),
    programmatic_descriptions: z
      .array(z.object({ source: keyPart(200), text: description }).strict())
      .max(100)
      .optional(),
    tags: z.array(checkedText(tagProblem)).max(1000).optional(),
    badges: z
      .array(z.object({ badge_name: z.string().min(1), category: z.string().min(1) }).strict())
      .max(100)
      .optional(),
    owners: z.array(checkedText(idProblem)).max(1000).optional(),
    /** databuilder's Feature_Watermark: a type (high_watermark, low_watermark) and its time (epoch seconds, or text). */
    watermarks: z
      .array(z.object({ watermark_type: keyPart(100), time: z.union([timestamp, line(100)]) }).strict())
      .max(100)
      .optional(),
    /** databuilder's Feature_Generation_Code: the code that computes the feature; null removes it. */
    generation_code: z
      .object({
        text: description,
        source: line(500).nullable().optional(),
        last_executed_timestamp: timestamp.nullable().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    created_timestamp: timestamp.nullable().optional(),
    last_updated_timestamp: timestamp.nullable().optional(),
  })
  .strict();

/** `POST /ingest/features`. A key appears once: a batch holding one feature twice is refused, not merged. */
export const ingestFeaturesSchema = z
  .object({
    features: z
      .array(featureRecord)
      .min(1)
      .max(5000)
      .superRefine((features, ctx) => {
        const seen = new Set<string>();
        features.forEach((feature, i) => {
          const key = featureKey(feature);
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `A feature ${key} appears twice` });
          seen.add(key);
        });
      }),
  })
  .strict();

/** `POST /ingest/feature_lineage`: feature-to-feature edges (feature keys). */
export const ingestFeatureLineageSchema = z
  .object({
    feature_lineage: z
      .array(z.object({ upstream: featureKeyText, downstream: featureKeyText }).strict())
      .min(1)
      .max(50_000),
  })
  .strict();

/**
 * What ingestion accepts for one feature (upserted by key). Its scalar fields are replaced on every
 * upsert; its lists and generation code only when the record has them.
 */
export type FeatureRecord = z.infer<typeof featureRecord>;

/** A feature computed from another (Amundsen's HAS_DOWNSTREAM / HAS_UPSTREAM between features). */
export type FeatureLineageRecord = z.infer<typeof ingestFeatureLineageSchema>['feature_lineage'][number];
