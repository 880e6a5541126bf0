import { Body, Controller, Post, Query, UseInterceptors } from '@nestjs/common';
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
import { IngestRunQueryDto } from './ingest-runs.dtos';
import { IngestFeatureLineageDto, IngestFeaturesDto } from './ingestion.dtos';

/**
 * Bulk ingestion (which Amundsen lacked): idempotent upserts of tables with
 * their columns, tags, badges and owners; of users, dashboards, lineage and
 * reads. Admins only. A bad record refuses the whole batch and changes nothing.
 * `?run={id}`: the batch belongs to an open run of a source (POST /ingest/runs).
 */
@Controller('ingest')
@RequireRole('admin')
@UseInterceptors(IngestionRefusalsInterceptor)
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post('tables')
  @ZodResponse({ status: 200, type: IngestedDto })
  tables(@Body() body: IngestTablesDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.tables(body.tables, principal, query.run);
  }

  @Post('users')
  @ZodResponse({ status: 200, type: IngestedDto })
  users(@Body() body: IngestUsersDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.users(body.users, principal, query.run);
  }

  @Post('reads')
  @ZodResponse({ status: 200, type: IngestedDto })
  reads(@Body() body: IngestReadsDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.reads(body.reads, principal, query.run);
  }

  @Post('lineage')
  @ZodResponse({ status: 200, type: IngestedDto })
  lineage(@Body() body: IngestLineageDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.lineage(body.lineage, principal, query.run);
  }

  /** Column-to-column lineage edges (column keys: `{table key}/{column}`). */
  @Post('column_lineage')
  @ZodResponse({ status: 200, type: IngestedDto })
  columnLineage(@Body() body: IngestColumnLineageDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.columnLineage(body.column_lineage, principal, query.run);
  }

  @Post('dashboards')
  @ZodResponse({ status: 200, type: IngestedDto })
  dashboards(@Body() body: IngestDashboardsDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.dashboards(body.dashboards, principal, query.run);
  }

  /** ML features with their group, databases, descriptions, watermarks, generation code, tags, badges and owners. */
  @Post('features')
  @ZodResponse({ status: 200, type: IngestedDto })
  features(@Body() body: IngestFeaturesDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.features(body.features, principal, query.run);
  }

  /** Feature-to-feature lineage edges (feature keys). */
  @Post('feature_lineage')
  @ZodResponse({ status: 200, type: IngestedDto })
  featureLineage(@Body() body: IngestFeatureLineageDto, @Query() query: IngestRunQueryDto, @CurrentUser() principal: Principal) {
    return this.ingestion.featureLineage(body.feature_lineage, principal, query.run);
  }
}
