import { createZodDto } from 'nestjs-zod';
import { frontendSearchRequestSchema, frontendSearchResponseSchema } from '@fram/models';

export class FrontendSearchRequestDto extends createZodDto(frontendSearchRequestSchema) {}
export class FrontendSearchResponseDto extends createZodDto(frontendSearchResponseSchema) {}
