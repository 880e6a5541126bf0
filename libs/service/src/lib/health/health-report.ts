import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `degraded`: working, on borrowed time (e.g. cached keys that cannot be refreshed); it does not fail the service. */
export const checkStatusSchema = z.enum(['ok', 'degraded', 'fail']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** One check's outcome, with whatever details it gives (a message, document counts, ...). */
export const checkResultSchema = z.looseObject({ status: checkStatusSchema }).meta({ id: 'CheckResult' });
export type CheckResult = z.infer<typeof checkResultSchema>;

/** Amundsen's `/healthcheck` body. */
export const healthReportSchema = z.object({
  /** The worst of the checks: `fail` answers 503. */
  status: checkStatusSchema,
  checks: z.record(z.string(), checkResultSchema),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

export class HealthReportDto extends createZodDto(healthReportSchema) {}
