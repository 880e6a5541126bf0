import { Controller, HttpCode, Post } from '@nestjs/common';
import { RequireRole } from '@fram/auth';
import { SearchSyncService } from './search-sync.service';

/** `POST /search/reindex` (admins): sends the whole catalog to the search service. */
@Controller('search')
@RequireRole('admin')
export class SearchSyncController {
  constructor(private readonly sync: SearchSyncService) {}

  @Post('reindex')
  @HttpCode(200)
  async reindex(): Promise<{ reindexed: Record<string, number> }> {
    return { reindexed: await this.sync.reindex() };
  }
}
