import { Controller, Get, Query } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { RequireRole } from '@fram/auth';
import { AuditPageDto, AuditQueryDto } from './audit.dtos';
import { AuditService } from './audit.service';

/** The audit trail: every edit with its actor and time, newest first. Admins only. */
@Controller('audit')
@RequireRole('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ZodResponse({ status: 200, type: AuditPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}
