import { Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, KeySetHealthModule, MetricsModule, WhoAmIModule } from '@fram/service';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DashboardsModule } from '../dashboards/dashboards.module';
import { MetadataConfigModule } from '../config/metadata-config.module';
import { IngestionModule } from '../ingestion/ingestion.module';
import { PopularModule } from '../popular/popular.module';
import { SearchSyncModule } from '../search-sync/search-sync.module';
import { StoreModule } from '../store/store.module';
import { TablesModule } from '../tables/tables.module';
import { UsersModule } from '../users/users.module';

/** The metadata service (port 5002): Amundsen's metadata API on the embedded store, behind bearer tokens. */
@Module({
  imports: [
    AuthModule.forRoot(),
    HealthModule,
    KeySetHealthModule,
    WhoAmIModule,
    MetricsModule,
    MetadataConfigModule,
    StoreModule,
    UsersModule,
    TablesModule,
    DashboardsModule,
    PopularModule,
    CatalogModule,
    IngestionModule,
    AuditModule,
    SearchSyncModule,
  ],
})
export class AppModule {}
