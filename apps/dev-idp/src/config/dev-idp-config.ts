import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { env, EnvReader, isHttpUrl, type Env } from '@fram/config';

export const DEV_IDP_PORT = 5005;
/** The file under DATA_DIR that keeps the signing keys across restarts. */
export const KEY_FILE_NAME = 'dev-idp-keys.json';

export interface DevIdpConfig {
  /** Scheme, host and port clients use to reach dev-idp; the org issuer. */
  origin: string;
  /** `aud` of the custom authorization server's access tokens. */
  audience: string;
  /** Path of a seed file; undefined: the bundled default seed. */
  seedPath: string | undefined;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  /** The fault switches (/admin/faults) are off unless DEV_IDP_FAULTS=on. */
  faults: boolean;
  cookieKeys: string[];
  /** Where the signing keys are kept (`$DATA_DIR/dev-idp-keys.json`); undefined: in memory, new at every start. */
  keyFile: string | undefined;
  production: boolean;
  allowProduction: boolean;
}

export function loadDevIdpConfig(source: Env = process.env): DevIdpConfig {
  const reader = new EnvReader(source);
  const port = reader.read({ name: 'PORT', schema: env.port(DEV_IDP_PORT) });
  const origin = reader.read({
    name: 'DEV_IDP_ORIGIN',
    schema: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || (isHttpUrl(v) && new URL(v).pathname === '/'),
        'must be scheme, host and port only, e.g. http://localhost:5005',
      )
      .transform((v) => (v ?? `http://localhost:${port}`).replace(/\/$/, '')),
  });
  const audience = reader.read({ name: 'DEV_IDP_AUDIENCE', schema: env.text('api://fram') });
  const seedPath = reader.read({ name: 'DEV_IDP_SEED', schema: z.string().optional() });
  const accessTokenTtlSec = reader.read({ name: 'DEV_IDP_ACCESS_TOKEN_TTL_S', schema: env.integer(3600, 5, 86400, 'seconds') });
  const refreshTokenTtlSec = reader.read({
    name: 'DEV_IDP_REFRESH_TOKEN_TTL_S',
    schema: env.integer(7 * 86400, 60, 90 * 86400, 'seconds'),
  });
  const faults = reader.read({
    name: 'DEV_IDP_FAULTS',
    schema: z
      .enum(['on', 'off'], { error: 'must be on or off' })
      .optional()
      .transform((v) => v === 'on'),
  });
  const allowProduction = reader.read({
    name: 'DEV_IDP_ALLOW_PRODUCTION',
    schema: z
      .enum(['yes', 'no'], { error: 'must be yes or no' })
      .optional()
      .transform((v) => v === 'yes'),
  });
  const dataDir = reader.read({ name: 'DATA_DIR', schema: z.string().optional() });
  const cookieSecret = reader.read({
    name: 'DEV_IDP_COOKIE_SECRET',
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
  });
  reader.done();
  return {
    origin,
    audience,
    seedPath,
    accessTokenTtlSec,
    refreshTokenTtlSec,
    faults,
    cookieKeys: [cookieSecret ?? randomBytes(32).toString('base64url')],
    keyFile: dataDir === undefined ? undefined : resolve(dataDir, KEY_FILE_NAME),
    production: source['NODE_ENV'] === 'production',
    allowProduction,
  };
}
