import { Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, WhoAmIModule } from '@fram/service';

/** The metadata service (port 5002): tables, users, dashboards and the rest of Amundsen's metadata API. */
@Module({
  imports: [AuthModule.forRoot(), HealthModule, WhoAmIModule],
})
export class AppModule {}
