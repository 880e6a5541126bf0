import { Module } from '@nestjs/common';
import { ApiClientGuard } from './api-client.guard';
import { RateLimiter } from './rate-limiter';
import { UsersController } from './users.controller';

@Module({ controllers: [UsersController], providers: [ApiClientGuard, { provide: RateLimiter, useValue: new RateLimiter() }] })
export class UsersApiModule {}
