import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { IngestionRefusalsInterceptor } from './ingestion-refusals.interceptor';
import {
  IngestColumnLineageDto,
  IngestDashboardsDto,
  IngestedDto,
  IngestLineageDto,
  IngestReadsDto,
  IngestTablesDto,
  IngestUsersDto,
} from './ingestion.dtos';
import { IngestionService } from './ingestion.service';
import { IngestFeatureLineageDto, IngestFeaturesDto } from './ingestion.dtos';

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

  /** Column-to-column lineage edges (column keys: `{table key}/{column}`). */
  @Post('column_lineage')
  @ZodResponse({ status: 200, type: IngestedDto })
  columnLineage(@Body() body: IngestColumnLineageDto, @CurrentUser() principal: Principal) {
    return this.ingestion.columnLineage(body.column_lineage, principal);
  }

  @Post('dashboards')
  @ZodResponse({ status: 200, type: IngestedDto })
  dashboards(@Body() body: IngestDashboardsDto, @CurrentUser() principal: Principal) {
    return this.ingestion.dashboards(body.dashboards, principal);
  }

  /** ML features with their group, databases, descriptions, watermarks, generation code, tags, badges and owners. */
  @Post('features')
  @ZodResponse({ status: 200, type: IngestedDto })
  features(@Body() body: IngestFeaturesDto, @CurrentUser() principal: Principal) {
    return this.ingestion.features(body.features, principal);
  }

  /** Feature-to-feature lineage edges (feature keys). */
  @Post('feature_lineage')
  @ZodResponse({ status: 200, type: IngestedDto })
  featureLineage(@Body() body: IngestFeatureLineageDto, @CurrentUser() principal: Principal) {
    return this.ingestion.featureLineage(body.feature_lineage, principal);
  }
}
