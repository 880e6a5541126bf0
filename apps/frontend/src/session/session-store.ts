import { Logger } from '@nestjs/common';
import { RedisStore } from 'connect-redis';
import type session from 'express-session';
import { join, resolve } from 'node:path';
import { createClient } from 'redis';
import { z } from 'zod';
import { ConfigError, env, EnvReader, type Env } from '@fram/config';
import type { CheckResult, HealthService } from '@fram/service';
import { SessionsUnavailableError } from './sessions-unavailable';
import { RedisSharedRefreshes, type SharedRefreshes } from './shared-refreshes';
import { SqliteSessionStore } from './sqlite-session-store';

/** Where sessions live: a SQLite file (one frontend) or Redis (several frontends behind a load balancer). */
export interface SessionStoreConfig {
  kind: 'embedded' | 'redis';
  /** The SQLite file (embedded). */
  file: string;
  /** The Redis URL (redis), e.g. redis://redis:6379/0. */
  redisUrl?: string;
}

/** A session store and how to let go of it at shutdown. */
export interface OpenSessionStore {
  store: session.Store;
  /** Refreshes shared with the other frontends using the same Redis (none for the embedded store). */
  sharedRefreshes?: SharedRefreshes;
  /** Fails while sessions cannot be read or kept. */
  health(): Promise<CheckResult>;
  close(): Promise<void>;
}

/** The session store's check on /healthcheck. */
export const SESSION_STORE_CHECK = 'SessionStore:connection';

const REDIS_URL = /^rediss?:\/\/.+/;

/** `SESSION_STORE` (embedded | redis; redis when only `REDIS_URL` is set), `REDIS_URL`, `DATA_DIR`. */
export function loadSessionStoreConfig(source: Env = process.env): SessionStoreConfig {
  const reader = new EnvReader(source);
  const redisUrl = reader.read({
    name: 'REDIS_URL',
    schema: z.string().regex(REDIS_URL, 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379').optional(),
  });
  const kind = reader.read({
    name: 'SESSION_STORE',
    schema: z
      .enum(['embedded', 'redis'], { error: 'must be embedded (a SQLite file under DATA_DIR) or redis (with REDIS_URL)' })
      .optional()
      .transform((v) => v ?? (redisUrl ? 'redis' : 'embedded')),
  });
  const dataDir = reader.read({ name: 'DATA_DIR', schema: env.text('./.data') });
  reader.done();
  if (kind === 'redis' && !redisUrl)
    throw new ConfigError(['REDIS_URL is required when SESSION_STORE=redis; set it to your Redis, e.g. redis://127.0.0.1:6379']);
  return { kind, file: join(resolve(dataDir), 'sessions.sqlite'), redisUrl };
}

/**
 * Opens the configured store, and registers its check with `health`; a Redis
 * that cannot be reached within 5 s stops the start with a message naming
 * REDIS_URL. The store's failures reach express-session as
 * SessionsUnavailableError (503), also while Redis is down (at once: commands
 * are not queued until it is back).
 */
export async function openSessionStore(config: SessionStoreConfig, ttlMs: number, health?: HealthService): Promise<OpenSessionStore> {
  const opened = await open(config, ttlMs);
  health?.register(SESSION_STORE_CHECK, async () => ({ ...(await opened.health()), kind: config.kind }));
  return opened;
}

async function open(config: SessionStoreConfig, ttlMs: number): Promise<OpenSessionStore> {
  if (config.kind === 'embedded') {
    const store = new SqliteSessionStore(config.file, ttlMs);
    return { store, health: async () => store.health(), close: async () => store.close() };
  }
  const logger = new Logger('SessionStore');
  const client = createClient({
    url: config.redisUrl,
    disableOfflineQueue: true,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    if (error.message !== lastError) logger.warn(`Redis: ${error.message}`);
    lastError = error.message;
  });
  const connected = client.connect().then(() => true);
  const timedOut = new Promise<false>((done) => setTimeout(() => done(false), 5000).unref());
  if (!(await Promise.race([connected, timedOut]))) {
    client.destroy();
    throw new ConfigError([`REDIS_URL: Redis cannot be reached (${lastError || 'no answer in 5 s'}); start Redis or fix the URL`]);
  }
  const store = new ReportingRedisStore({ client, prefix: 'fram:sess:', ttl: Math.round(ttlMs / 1000) });
  return {
    store,
    sharedRefreshes: new RedisSharedRefreshes(client),
    health: async () => {
      try {
        await client.ping();
        return { status: 'ok' };
      } catch (error) {
        return { status: 'fail', message: `Redis: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    // QUIT waits for a Redis that is down: the connection is dropped then.
    close: async () => void (client.isReady ? await client.quit().catch(() => client.destroy()) : client.destroy()),
  };
}

type Callback = (err?: unknown, value?: never) => void;

/** connect-redis's store, its failures as SessionsUnavailableError. */
class ReportingRedisStore extends RedisStore {
  override get(sid: string, cb?: Callback) {
    return super.get(sid, unavailableOnError(cb));
  }

  override set(sid: string, data: session.SessionData, cb?: Callback) {
    return super.set(sid, data, unavailableOnError(cb));
  }

  override touch(sid: string, data: session.SessionData, cb?: Callback) {
    return super.touch(sid, data, unavailableOnError(cb));
  }

  override destroy(sid: string, cb?: Callback) {
    return super.destroy(sid, unavailableOnError(cb));
  }
}

function unavailableOnError(cb: Callback | undefined): Callback | undefined {
  return cb && ((err, value) => (err ? cb(new SessionsUnavailableError('the session store (Redis) cannot be reached')) : cb(err, value)));
}
