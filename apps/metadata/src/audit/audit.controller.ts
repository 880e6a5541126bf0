import { Controller, Get, Query } from '@nestjs/common';
import { RequireRole } from '@fram/auth';
import { AuditService } from './audit.service';

/** The audit trail: every edit with its actor and time, newest first. Admins only. */
@Controller('audit')
@RequireRole('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query('limit') limit?: string, @Query('before') before?: string) {
    return this.audit.list(limit, before);
  }
}
