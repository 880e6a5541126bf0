import { Controller, Get, Module, Post } from '@nestjs/common';
import type { Clock } from '@fram/config';
import { AuthModule, CurrentUser, NoRoleRequired, Public, RequireRole, RequireScopes, type AuthConfig, type Principal } from '@fram/auth';

/** Counts handler runs, so tests can show a refused request never reached one. */
export const handlerRuns = { count: 0 };

@Controller()
class ProbeController {
  @Public()
  @Get('open')
  open() {
    handlerRuns.count += 1;
    return { ok: true };
  }

  @Get('healthcheck')
  health() {
    handlerRuns.count += 1;
    return { status: 'ok' };
  }

  @Get('read')
  read(@CurrentUser() user: Principal) {
    handlerRuns.count += 1;
    return user;
  }

  @Post('read')
  readPost(@CurrentUser() user: Principal) {
    handlerRuns.count += 1;
    return user;
  }

  @RequireRole('write')
  @Get('write')
  write() {
    handlerRuns.count += 1;
    return { ok: true };
  }

  @RequireRole('admin')
  @Get('admin')
  admin() {
    handlerRuns.count += 1;
    return { ok: true };
  }

  @NoRoleRequired()
  @RequireScopes('catalog:export')
  @Get('export')
  export() {
    handlerRuns.count += 1;
    return { ok: true };
  }

  @NoRoleRequired()
  @Get('any')
  any(@CurrentUser() user: Principal) {
    handlerRuns.count += 1;
    return user;
  }
}

/** A Nest module with one route per kind of access rule, protected by libs/auth (on `clock` when given). */
export function probeModule(config: AuthConfig, clock?: Clock) {
  @Module({ imports: [AuthModule.forRoot({ config, clock })], controllers: [ProbeController] })
  class ProbeModule {}
  return ProbeModule;
}
