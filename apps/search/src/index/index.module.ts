import { Client } from '@elastic/elasticsearch';
import { Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthService } from '@fram/service';
import type { SearchBackendConfig, SearchConfig } from '../config/search-config';
import { SEARCH_CONFIG } from '../config/search-config.token';
import { EmbeddedSearchIndex } from './embedded/embedded-search-index';
import { ElasticsearchSearchIndex } from './elasticsearch/elasticsearch-search-index';
import { SearchIndex } from './search-index';

function createIndex(backend: SearchBackendConfig): SearchIndex {
  if (backend.kind === 'embedded') return new EmbeddedSearchIndex(backend.file);
  const auth = backend.apiKey
    ? { apiKey: backend.apiKey }
    : backend.username
      ? { username: backend.username, password: backend.password ?? '' }
      : undefined;
  const client = new Client({ node: backend.url, ...(auth && { auth }), maxRetries: 1, requestTimeout: 10_000 });
  return new ElasticsearchSearchIndex({ client, aliasTemplate: backend.aliasTemplate });
}

/** The SearchIndex chosen by SEARCH_BACKEND, with its health check. */
@Global()
@Module({
  providers: [{ provide: SearchIndex, useFactory: (config: SearchConfig) => createIndex(config.backend), inject: [SEARCH_CONFIG] }],
  exports: [SearchIndex],
})
export class IndexModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('IndexModule');

  constructor(
    @Inject(SearchIndex) private readonly index: SearchIndex,
    private readonly health: HealthService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register(`${this.index.constructor.name}:connection`, () => this.index.health());
    if (this.index instanceof ElasticsearchSearchIndex) {
      // Elasticsearch may not be up yet: the service starts anyway and creates the aliases on first use.
      await this.index
        .prepare()
        .catch((error: unknown) =>
          this.logger.warn(`Elasticsearch aliases not checked yet: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.index.close();
  }
}
