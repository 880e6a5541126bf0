import { createZodDto } from 'nestjs-zod';
import { reindexedSchema, setAsideListSchema, setAsideRetriedSchema } from '@fram/models';

export class ReindexedDto extends createZodDto(reindexedSchema) {}
export class SetAsideListDto extends createZodDto(setAsideListSchema) {}
export class SetAsideRetriedDto extends createZodDto(setAsideRetriedSchema) {}
