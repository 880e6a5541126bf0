import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { Clock, systemClock } from '@fram/config';
import { loadAuthConfig, type AuthConfig } from './config/auth-config';
import { AUTH_CONFIG } from './config/auth-config.token';
import { BearerAuthGuard } from './guards/bearer-auth.guard';
import { KeyStore } from './keys/key-store';
import { VerifiedTokenCache } from './cache/verified-token-cache';
import { BearerJwtStrategy } from './strategy/bearer-jwt.strategy';
import { TokenRefusals } from './refusals/token-refusals';

export interface AuthModuleOptions {
  /** Defaults to loadAuthConfig(process.env), read when the module is created. */
  config?: AuthConfig;
  /** What token expiry and key-set cool-downs are measured on; the system clock unless given (tests move a ManualClock). */
  clock?: Clock;
}

/**
 * Makes every route of the app a protected OAuth 2.0 resource: registers the
 * bearer strategy and the global deny-by-default guard.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule],
      providers: [
        { provide: AUTH_CONFIG, useFactory: () => options.config ?? loadAuthConfig() },
        { provide: Clock, useValue: options.clock ?? systemClock },
        KeyStore,
        VerifiedTokenCache,
        BearerJwtStrategy,
        TokenRefusals,
        { provide: APP_GUARD, useClass: BearerAuthGuard },
      ],
      exports: [AUTH_CONFIG, KeyStore, TokenRefusals],
    };
  }
}
