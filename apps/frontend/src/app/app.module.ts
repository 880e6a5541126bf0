import { Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, WhoAmIModule } from '@fram/service';

/**
 * The frontend (port 5000): the browser's door (sign-in, sessions, the web UI)
 * and Amundsen's frontend API, which API clients may also call with a bearer token.
 */
@Module({
  imports: [AuthModule.forRoot(), HealthModule, WhoAmIModule],
})
export class AppModule {}
