import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadSearchConfig, type SearchConfig } from './search-config';
import { SEARCH_CONFIG } from './search-config.token';

/** Provides SEARCH_CONFIG: the given configuration (tests), or the environment's, read once when the app is created. */
@Global()
@Module({})
export class SearchConfigModule {
  static forRoot(config?: SearchConfig): DynamicModule {
    return {
      module: SearchConfigModule,
      providers: [config ? { provide: SEARCH_CONFIG, useValue: config } : { provide: SEARCH_CONFIG, useFactory: () => loadSearchConfig() }],
      exports: [SEARCH_CONFIG],
    };
  }
}
