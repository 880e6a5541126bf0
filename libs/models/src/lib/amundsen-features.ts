import { z } from 'zod';
import { badgeSchema, tagSchema, userSchema } from './amundsen-schemas';

/*
 * Amundsen's ML feature models (common/amundsen_common/models/feature.py and
 * generation_code.py) as Fram answers them, as zod schemas. Amundsen's
 * Optional fields are nullable; Fram always answers every field.
 */

/** Amundsen's ProgrammaticDescription: text a program wrote, named by its source. */
const programmaticDescriptionSchema = z.object({ source: z.string(), text: z.string() });

/** Amundsen's FeatureWatermark: the high or low time of a feature's data. */
export const featureWatermarkSchema = z.object({
  key: z.string().nullable(),
  watermark_type: z.string().nullable(),
  time: z.string(),
});
export type FeatureWatermark = z.infer<typeof featureWatermarkSchema>;

/** Amundsen's Feature (`GET /feature/{key}`). */
export const featureSchema = z.object({
  key: z.string(),
  name: z.string(),
  version: z.string(),
  status: z.string().nullable(),
  feature_group: z.string(),
  entity: z.string().nullable(),
  data_type: z.string().nullable(),
  availability: z.array(z.string()).meta({ description: 'The databases the feature is available in' }),
  description: z.string().nullable(),
  owners: z.array(userSchema),
  badges: z.array(badgeSchema),
  tags: z.array(tagSchema),
  programmatic_descriptions: z.array(programmaticDescriptionSchema),
  watermarks: z.array(featureWatermarkSchema),
  last_updated_timestamp: z.number().int().nullable(),
  created_timestamp: z.number().int().nullable(),
});
export type Feature = z.infer<typeof featureSchema>;

/** Amundsen's FeatureSummary (a feature in lists and search results). */
export const featureSummarySchema = z.object({
  key: z.string(),
  name: z.string(),
  version: z.string(),
  availability: z.array(z.string()),
  entity: z.array(z.string()),
  description: z.string().nullable(),
  badges: z.array(badgeSchema),
  last_updated_timestamp: z.number().int().nullable(),
});
export type FeatureSummary = z.infer<typeof featureSummarySchema>;

/** Amundsen's GenerationCode (`GET /feature/{key}/generation_code`): the code that computes the feature. */
export const generationCodeSchema = z.object({
  key: z.string().nullable(),
  text: z.string(),
  source: z.string().nullable(),
});
export type GenerationCode = z.infer<typeof generationCodeSchema>;
