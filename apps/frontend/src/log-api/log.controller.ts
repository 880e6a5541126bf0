import { Body, Controller, Logger, Post } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { LogEventDto, LoggedDto } from './log-api.dtos';

/**
 * Amundsen's `POST /api/log/v0/log_event`: the UI reports what people do
 * (searches, clicks); each event is written to the log as one JSON line with
 * the person who did it (from the verified token, never from the body).
 */
@Controller('api/log/v0')
export class LogController {
  private readonly logger = new Logger('ActionLog');

  @Post('log_event')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: LoggedDto })
  logEvent(@Body() event: LogEventDto, @CurrentUser() principal: Principal) {
    this.logger.log(JSON.stringify({ user: principal.email ?? principal.userId, at: new Date().toISOString(), ...event }));
    return { msg: `Logging of ${event.command} action successful` };
  }
}
