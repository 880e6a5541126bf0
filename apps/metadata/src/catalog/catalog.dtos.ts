import { createZodDto } from 'nestjs-zod';
import { badgesSchema, latestUpdatedSchema, statisticsSchema, tagUsagesSchema } from '@fram/models';

export class TagUsagesDto extends createZodDto(tagUsagesSchema) {}
export class BadgesDto extends createZodDto(badgesSchema) {}
export class LatestUpdatedDto extends createZodDto(latestUpdatedSchema) {}
/** The answer of `latest_updated_ts`: nothing (204) when nothing was ever ingested. */
export const maybeLatestUpdatedSchema = latestUpdatedSchema.optional();
export class StatisticsDto extends createZodDto(statisticsSchema) {}
