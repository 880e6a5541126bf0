import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '@fram/config';

const profile = z.object({
  login: z.string().min(1),
  email: z.string().email(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  userType: z.string().optional(),
  managerId: z.string().optional(),
  manager: z.string().optional(),
});

const user = z.object({
  id: z.string().regex(/^00u\w+$/, 'user ids look like Okta ids: 00u...'),
  status: z.enum(['ACTIVE', 'SUSPENDED', 'DEPROVISIONED', 'STAGED']).default('ACTIVE'),
  password: z.string().min(1),
  profile,
  groups: z.array(z.string()).default([]),
});

const group = z.object({
  id: z.string().regex(/^00g\w+$/, 'group ids look like Okta ids: 00g...'),
  name: z.string().min(1),
  description: z.string().default(''),
  /**
   * API scopes the group's members may be granted (an Okta access policy rule):
   * a person asking for more gets only these.
   */
  scopes: z.array(z.string()).default([]),
});

const client = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1).optional(),
  name: z.string(),
  redirect_uris: z.array(z.string().url()).default([]),
  post_logout_redirect_uris: z.array(z.string().url()).default([]),
  grant_types: z.array(z.enum(['authorization_code', 'refresh_token', 'client_credentials'])),
  token_endpoint_auth_method: z.enum(['client_secret_basic', 'client_secret_post', 'none']).default('client_secret_basic'),
  /** Scopes a client_credentials token may carry. */
  scopes: z.array(z.string()).default([]),
  /** Groups whose members may sign in to this client (Okta's app assignments); empty: everyone. */
  assignedGroups: z.array(z.string()).default([]),
  requirePkce: z.boolean().default(false),
  /** The authorization server the client belongs to. */
  server: z.enum(['default', 'org']).default('default'),
});

const apiToken = z.object({
  token: z.string().min(16),
  name: z.string(),
  /** May also use the fault switches. */
  admin: z.boolean().default(false),
});

export const seedSchema = z.object({
  users: z.array(user),
  groups: z.array(group),
  clients: z.array(client),
  apiTokens: z.array(apiToken).default([]),
});

export type Seed = z.infer<typeof seedSchema>;
export type SeedUser = z.infer<typeof user>;
export type SeedGroup = z.infer<typeof group>;
export type SeedClient = z.infer<typeof client>;
export type SeedApiToken = z.infer<typeof apiToken>;

/** Reads and checks a seed file; problems name the file and the place in it. */
export function loadSeed(path: string, variable = 'DEV_IDP_SEED'): Seed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${variable}: cannot read ${path} as JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const result = seedSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${variable}: ${path} at ${i.path.join('.') || '(top)'}: ${i.message}`));
  }
  const seed = result.data;
  const groupIds = new Set(seed.groups.map((g) => g.id));
  const problems: string[] = [];
  for (const u of seed.users) {
    for (const g of u.groups) if (!groupIds.has(g)) problems.push(`${variable}: ${path}: user ${u.id} is in unknown group ${g}`);
  }
  for (const c of seed.clients) {
    for (const g of c.assignedGroups)
      if (!groupIds.has(g)) problems.push(`${variable}: ${path}: client ${c.client_id} is assigned unknown group ${g}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return seed;
}
