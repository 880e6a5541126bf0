import { Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, KeySetHealthModule, MetricsModule, WhoAmIModule } from '@fram/service';
import { DocumentsModule } from '../documents/documents.module';
import { IndexModule } from '../index/index.module';
import { SearchModule } from '../search/search.module';

/** The search service (port 5001): Amundsen's search API over tables, users and dashboards. */
@Module({
  imports: [
    AuthModule.forRoot(),
    HealthModule,
    KeySetHealthModule,
    WhoAmIModule,
    MetricsModule,
    IndexModule,
    SearchModule,
    DocumentsModule,
  ],
})
export class AppModule {}
