import { createZodDto } from 'nestjs-zod';
import { auditPageSchema, auditQuerySchema } from '@fram/models';

export class AuditQueryDto extends createZodDto(auditQuerySchema) {}
export class AuditPageDto extends createZodDto(auditPageSchema) {}
