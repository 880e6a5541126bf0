import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, type AuthConfig } from '@fram/auth';
import { HealthModule, KeySetHealthModule, MetricsModule, WhoAmIModule } from '@fram/service';
import type { SearchConfig } from '../config/search-config';
import { SearchConfigModule } from '../config/search-config.module';
import { DocumentsModule } from '../documents/documents.module';
import { IndexModule } from '../index/index.module';
import { SearchModule } from '../search/search.module';
import { V1Module } from '../v1/v1.module';

export interface SearchAppOptions {
  /** The environment's (loadSearchConfig) unless given. */
  search?: SearchConfig;
  /** The environment's (loadAuthConfig) unless given. */
  auth?: AuthConfig;
}

/** The search service (port 5001): Amundsen's search API (v2 and v1) over tables, users, dashboards and ML features. */
@Module({})
export class AppModule {
  static forRoot(options: SearchAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SearchConfigModule.forRoot(options.search),
        AuthModule.forRoot({ config: options.auth }),
        HealthModule,
        KeySetHealthModule,
        WhoAmIModule,
        MetricsModule,
        IndexModule,
        SearchModule,
        DocumentsModule,
        V1Module,
      ],
    };
  }
}
