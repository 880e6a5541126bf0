import { Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, WhoAmIModule } from '@fram/service';
import { ApiModule } from '../api/api.module';
import { LoginModule } from '../login/login.module';

/**
 * The frontend (port 5000): the browser's door (sign-in, server-side sessions)
 * and Amundsen's frontend API, which API clients may also call with a bearer token.
 */
@Module({
  imports: [AuthModule.forRoot(), HealthModule, WhoAmIModule, LoginModule, ApiModule],
})
export class AppModule {}
