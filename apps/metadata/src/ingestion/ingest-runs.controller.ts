import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import {
  FinishedIngestRunDto,
  FinishIngestRunDto,
  IngestRecordsDto,
  IngestRecordsQueryDto,
  IngestRunDto,
  IngestSourcesDto,
  StartIngestRunDto,
} from './ingest-runs.dtos';
import { IngestRunsService } from './ingest-runs.service';

/**
 * Source runs, so re-runs are safe: start a run of a source, send batches with `?run={id}`, finish it to remove
 * what the source no longer has; and each source's ledger. Admins only.
 */
@Controller('ingest')
@RequireRole('admin')
export class IngestRunsController {
  constructor(private readonly runs: IngestRunsService) {}

  @Post('runs')
  @ZodResponse({ status: 201, type: IngestRunDto })
  start(@Body() body: StartIngestRunDto, @CurrentUser() principal: Principal) {
    return this.runs.start(body.source, principal);
  }

  /**
   * Removes what the source sent before and this run did not. Refused with 409, removing nothing, beyond
   * max_removed_percent or once a later run of the source has started.
   */
  @Post('runs/:run/finish')
  @HttpCode(200)
  @ApiParam({ name: 'run', type: String, description: 'The run id POST /ingest/runs answered' })
  @ZodResponse({ status: 200, type: FinishedIngestRunDto })
  finish(@Param('run') run: string, @Body() body: FinishIngestRunDto, @CurrentUser() principal: Principal) {
    return this.runs.finish(run, body.max_removed_percent, principal);
  }

  @Get('records')
  @ZodResponse({ status: 200, type: IngestRecordsDto })
  records(@Query() query: IngestRecordsQueryDto) {
    return this.runs.records(query);
  }

  @Get('sources')
  @ZodResponse({ status: 200, type: IngestSourcesDto })
  sources() {
    return this.runs.sources();
  }
}
