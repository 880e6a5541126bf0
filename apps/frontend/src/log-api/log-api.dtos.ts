import { createZodDto } from 'nestjs-zod';
import { frontendDoneSchema, frontendLogEventSchema } from '@fram/models';

export class LogEventDto extends createZodDto(frontendLogEventSchema) {}
export class LoggedDto extends createZodDto(frontendDoneSchema) {}
