import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { IngestionRefusalsInterceptor } from './ingestion-refusals.interceptor';
import { IngestDashboardsDto, IngestedDto, IngestLineageDto, IngestReadsDto, IngestTablesDto, IngestUsersDto } from './ingestion.dtos';
import { IngestionService } from './ingestion.service';

/**
 * Bulk ingestion (which Amundsen lacked): idempotent upserts of tables with
 * their columns, tags, badges and owners; of users, dashboards, lineage and
 * reads. Admins only. A bad record refuses the whole batch and changes nothing.
 */
@Controller('ingest')
@RequireRole('admin')
@UseInterceptors(IngestionRefusalsInterceptor)
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post('tables')
  @ZodResponse({ status: 200, type: IngestedDto })
  tables(@Body() body: IngestTablesDto, @CurrentUser() principal: Principal) {
    return this.ingestion.tables(body.tables, principal);
  }

  @Post('users')
  @ZodResponse({ status: 200, type: IngestedDto })
  users(@Body() body: IngestUsersDto, @CurrentUser() principal: Principal) {
    return this.ingestion.users(body.users, principal);
  }

  @Post('reads')
  @ZodResponse({ status: 200, type: IngestedDto })
  reads(@Body() body: IngestReadsDto, @CurrentUser() principal: Principal) {
    return this.ingestion.reads(body.reads, principal);
  }

  @Post('lineage')
  @ZodResponse({ status: 200, type: IngestedDto })
  lineage(@Body() body: IngestLineageDto, @CurrentUser() principal: Principal) {
    return this.ingestion.lineage(body.lineage, principal);
  }

  @Post('dashboards')
  @ZodResponse({ status: 200, type: IngestedDto })
  dashboards(@Body() body: IngestDashboardsDto, @CurrentUser() principal: Principal) {
    return this.ingestion.dashboards(body.dashboards, principal);
  }
}
