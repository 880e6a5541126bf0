import { createZodDto } from 'nestjs-zod';
import { popularQuerySchema, popularResourcesSchema, popularTablesQuerySchema, popularTablesSchema } from '@fram/models';

export class PopularQueryDto extends createZodDto(popularQuerySchema) {}
export class PopularResourcesDto extends createZodDto(popularResourcesSchema) {}
export class PopularTablesQueryDto extends createZodDto(popularTablesQuerySchema) {}
export class PopularTablesDto extends createZodDto(popularTablesSchema) {}
