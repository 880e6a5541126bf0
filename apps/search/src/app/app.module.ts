import { Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, WhoAmIModule } from '@fram/service';

/** The search service (port 5001): Amundsen's search API over tables, users and dashboards. */
@Module({
  imports: [AuthModule.forRoot(), HealthModule, WhoAmIModule],
})
export class AppModule {}
