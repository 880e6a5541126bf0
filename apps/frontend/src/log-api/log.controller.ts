import { Body, Controller, HttpCode, Logger, Post } from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { parseInput, text } from '../common/request-input';

const optionalText = z.string().max(2000).optional();
const logEvent = z.object({
  command: text('command'),
  target_id: text('target_id'),
  target_type: optionalText,
  label: optionalText,
  location: optionalText,
  value: optionalText,
  position: optionalText,
  resource_href: optionalText,
  resource_type: optionalText,
  search_term: optionalText,
  search_page_index: z.union([z.number(), z.string().max(20)]).optional(),
  search_results: z.array(z.unknown()).max(100).optional(),
});

/**
 * Amundsen's `POST /api/log/v0/log_event`: the UI reports what people do
 * (searches, clicks); each event is written to the log as one JSON line with
 * the person who did it (from the verified token, never from the body).
 */
@Controller('api/log/v0')
export class LogController {
  private readonly logger = new Logger('ActionLog');

  @Post('log_event')
  @HttpCode(200)
  @NoRoleRequired()
  logEvent(@Body() body: unknown, @CurrentUser() principal: Principal) {
    const event = parseInput(logEvent, body);
    this.logger.log(JSON.stringify({ user: principal.email ?? principal.userId, at: new Date().toISOString(), ...event }));
    return { msg: 'Success' };
  }
}
