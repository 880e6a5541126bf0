import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { IngestionService } from './ingestion.service';

/**
 * Bulk ingestion (which Amundsen lacked): idempotent upserts of tables with
 * their columns, tags, badges and owners; of users, dashboards, lineage and
 * reads. Admins only. A bad record refuses the whole batch and changes nothing.
 */
@Controller('ingest')
@RequireRole('admin')
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post('tables')
  @HttpCode(200)
  tables(@Body() body: unknown, @CurrentUser() principal: Principal) {
    return this.ingestion.tables(body, principal);
  }

  @Post('users')
  @HttpCode(200)
  users(@Body() body: unknown, @CurrentUser() principal: Principal) {
    return this.ingestion.users(body, principal);
  }

  @Post('reads')
  @HttpCode(200)
  reads(@Body() body: unknown, @CurrentUser() principal: Principal) {
    return this.ingestion.reads(body, principal);
  }

  @Post('lineage')
  @HttpCode(200)
  lineage(@Body() body: unknown, @CurrentUser() principal: Principal) {
    return this.ingestion.lineage(body, principal);
  }

  @Post('dashboards')
  @HttpCode(200)
  dashboards(@Body() body: unknown, @CurrentUser() principal: Principal) {
    return this.ingestion.dashboards(body, principal);
  }
}
