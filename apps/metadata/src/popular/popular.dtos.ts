import { createZodDto } from 'nestjs-zod';
import { popularQuerySchema, popularResourcesSchema } from '@fram/models';

export class PopularQueryDto extends createZodDto(popularQuerySchema) {}
export class PopularResourcesDto extends createZodDto(popularResourcesSchema) {}
