import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { RequireRole } from '@fram/auth';
import { ReindexedDto, SetAsideListDto, SetAsideRetriedDto } from './search-sync.dtos';
import { SearchSyncService } from './search-sync.service';

/** Admins: a full reindex, and the documents search refused (set aside by the change feed). */
@Controller('search')
@RequireRole('admin')
export class SearchSyncController {
  constructor(private readonly sync: SearchSyncService) {}

  /** `POST /search/reindex`: sends the whole catalog to search; documents it refuses are skipped and listed. */
  @Post('reindex')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ReindexedDto })
  reindex() {
    return this.sync.reindex();
  }

  /** `GET /search/set-aside`: the documents search refused, with its reasons. */
  @Get('set-aside')
  @ZodResponse({ status: 200, type: SetAsideListDto })
  setAside() {
    return { set_aside: this.sync.setAside() };
  }

  /** `POST /search/set-aside/retry`: sends them again (after the cause is fixed). */
  @Post('set-aside/retry')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: SetAsideRetriedDto })
  retry() {
    return this.sync.retrySetAside();
  }
}
