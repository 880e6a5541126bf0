import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthService } from '@fram/service';
import { loadSearchConfig } from '../config/search-config';
import { EmbeddedSearchIndex } from './embedded/embedded-search-index';
import { SearchIndex } from './search-index';

/** The SearchIndex chosen by SEARCH_BACKEND, with its health check. */
@Global()
@Module({
  providers: [{ provide: SearchIndex, useFactory: () => new EmbeddedSearchIndex(loadSearchConfig().backend.file) }],
  exports: [SearchIndex],
})
export class IndexModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(SearchIndex) private readonly index: SearchIndex,
    private readonly health: HealthService,
  ) {}

  onModuleInit(): void {
    this.health.register(`${this.index.constructor.name}:connection`, () => this.index.health());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.index.close();
  }
}
