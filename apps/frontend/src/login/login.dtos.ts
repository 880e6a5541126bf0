import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `/login?returnTo=/path`: where to go after signing in; anything but one path on this site goes home (safeReturnTo), never a 400. */
export const loginQuerySchema = z.object({
  returnTo: z.string().optional().catch(undefined).describe('A path on this site to come back to after signing in'),
});

export class LoginQueryDto extends createZodDto(loginQuerySchema) {}
