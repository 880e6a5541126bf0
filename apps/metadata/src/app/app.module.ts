import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, type AuthConfig } from '@fram/auth';
import { HealthModule, KeySetHealthModule, MetricsModule, WhoAmIModule } from '@fram/service';
import { AnnouncementsModule } from '../announcements/announcements.module';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DashboardsModule } from '../dashboards/dashboards.module';
import { FeaturesModule } from '../features/features.module';
import type { MetadataConfig } from '../config/metadata-config';
import { MetadataConfigModule } from '../config/metadata-config.module';
import { IngestionModule } from '../ingestion/ingestion.module';
import { NoticesModule } from '../notices/notices.module';
import { PopularModule } from '../popular/popular.module';
import { SearchSyncModule } from '../search-sync/search-sync.module';
import { StoreModule } from '../store/store.module';
import { TablesModule } from '../tables/tables.module';
import { UsersModule } from '../users/users.module';

export interface MetadataAppOptions {
  /** The environment's (loadMetadataConfig) unless given. */
  metadata?: MetadataConfig;
  /** The environment's (loadAuthConfig) unless given. */
  auth?: AuthConfig;
}

/** The metadata service (port 5002): Amundsen's metadata API on the embedded store, behind bearer tokens. */
@Module({})
export class AppModule {
  static forRoot(options: MetadataAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MetadataConfigModule.forRoot(options.metadata),
        AuthModule.forRoot({ config: options.auth }),
        HealthModule,
        KeySetHealthModule,
        WhoAmIModule,
        MetricsModule,
        StoreModule,
        UsersModule,
        TablesModule,
        DashboardsModule,
        FeaturesModule,
        PopularModule,
        CatalogModule,
        IngestionModule,
        AuditModule,
        SearchSyncModule,
        AnnouncementsModule,
        NoticesModule,
      ],
    };
  }
}
