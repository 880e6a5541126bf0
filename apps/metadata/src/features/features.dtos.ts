import { createZodDto } from 'nestjs-zod';
import { featureSchema, generationCodeSchema } from '@fram/models';

/** `GET /feature/{key}`: Amundsen's Feature. */
export class FeatureDto extends createZodDto(featureSchema) {}
/** `GET /feature/{key}/generation_code`: Amundsen's GenerationCode. */
export class GenerationCodeDto extends createZodDto(generationCodeSchema) {}
