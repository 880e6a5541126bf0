import { createZodDto } from 'nestjs-zod';
import { searchRequestSchema, searchResponseSchema } from '@fram/models';

export class SearchRequestDto extends createZodDto(searchRequestSchema) {}
export class SearchResponseDto extends createZodDto(searchResponseSchema) {}
