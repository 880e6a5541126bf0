import { z } from 'zod';

const LONGEST = 2000;

/** Text as the React app sends it (a clicked element's text may be long): kept, cut to LONGEST characters. */
const clipped = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (typeof v === 'string' ? v.slice(0, LONGEST) : undefined));

/**
 * Amundsen's action log event (`POST /api/log/v0/log_event`), as its React
 * app sends it. `command` and `target_id` are required, as Amundsen requires
 * them (`target_id` may be empty: the app sends a clicked element's id, which
 * may have none).
 */
export const frontendLogEventSchema = z.object({
  command: z.string({ error: 'command is required' }).trim().min(1, 'command must not be empty').max(LONGEST, 'command is too long'),
  target_id: z.string({ error: 'target_id is required' }).max(LONGEST, 'target_id is too long'),
  target_type: clipped,
  label: clipped,
  location: clipped,
  value: clipped,
  position: z
    .union([z.string(), z.number()])
    .nullable()
    .optional()
    .transform((v) => (v === null || v === undefined ? undefined : String(v).slice(0, LONGEST))),
  resource_href: clipped,
  resource_type: clipped,
  search_term: clipped,
  search_page_index: z
    .union([z.number(), z.string().max(20)])
    .nullable()
    .optional(),
  /** The keys of the results shown (the first 100 are kept). */
  search_results: z
    .array(z.unknown())
    .nullable()
    .optional()
    .transform((v) => v?.slice(0, 100)),
});
export type FrontendLogEvent = z.infer<typeof frontendLogEventSchema>;
