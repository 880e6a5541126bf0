import { z } from 'zod';

const optionalText = z.string().max(2000).optional();

/** Amundsen's action log event (`POST /api/log/v0/log_event`), as its React app sends it. */
export const frontendLogEventSchema = z.object({
  command: z.string({ error: 'command is required' }).trim().min(1, 'command must not be empty').max(2000, 'command is too long'),
  target_id: z.string({ error: 'target_id is required' }).trim().min(1, 'target_id must not be empty').max(2000, 'target_id is too long'),
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
export type FrontendLogEvent = z.infer<typeof frontendLogEventSchema>;
