import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { z } from 'zod';
import { env, EnvReader, isHttpUrl, type Env } from '@fram/config';
import { DependencyUnavailableError } from '@fram/errors';
import { currentRequestId, REQUEST_ID_HEADER } from '@fram/service';
import { BackendError } from './backend-error';

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** How one backend service is reached. */
export interface BackendSettings {
  name: string;
  baseUrl: string;
  timeoutMs: number;
}

/** Reads `{PREFIX}_URL` and `{PREFIX}_TIMEOUT_MS` from `source`, naming the variable when one is wrong. */
export function readBackendSettings(source: Env, name: string, prefix: string, defaultUrl: string): BackendSettings {
  const reader = new EnvReader(source);
  const baseUrl = reader.read({
    name: `${prefix}_URL`,
    schema: env
      .text(defaultUrl)
      .refine(isHttpUrl, `must be the ${name} service's http(s) URL, e.g. ${defaultUrl}`)
      .transform((v) => v.replace(/\/+$/, '')),
  });
  const timeoutMs = reader.read({ name: `${prefix}_TIMEOUT_MS`, schema: env.integer(5000, 100, 60_000, 'milliseconds') });
  reader.done();
  return { name, baseUrl, timeoutMs };
}

/** A key (which contains `://` and `/`) as path segments, each one encoded. */
export function keyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * Calls one backend (metadata or search) on behalf of the caller, with the
 * caller's `Authorization: Bearer <access token>` and nothing else of theirs:
 * never the refresh token, the ID token or the cookie; and with the request's
 * id (X-Request-Id), so that the backend's log line of the call has it too.
 * A refusal of the backend (4xx) reaches the caller as it was; a backend that is down or
 * failing is a 503. Requests go through a pool of keep-alive connections
 * (undici's), the fastest way Node has to make them.
 */
export abstract class BackendClient implements OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly pool: Pool;
  /** The base URL's path (e.g. behind a proxy), put before every request's path. */
  private readonly prefix: string;

  protected constructor(readonly settings: BackendSettings) {
    this.logger = new Logger(`${settings.name}Client`);
    const url = new URL(settings.baseUrl);
    this.pool = new Pool(url.origin, { connections: 128, keepAliveTimeout: 30_000 });
    this.prefix = url.pathname.replace(/\/+$/, '');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  get baseUrl(): string {
    return this.settings.baseUrl;
  }

  async call<T>(method: Method, path: string, authorization: string, body?: unknown): Promise<T> {
    const { name, timeoutMs } = this.settings;
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const requestId = currentRequestId();
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
    let status: number;
    let text: string;
    let wwwAuthenticate: string | null = null;
    try {
      const response = await this.pool.request({
        method,
        path: `${this.prefix}${path}`,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      text = await response.body.text();
      const challenge = response.headers['www-authenticate'];
      if (typeof challenge === 'string') wwwAuthenticate = challenge;
    } catch (error) {
      this.logger.warn(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      throw new DependencyUnavailableError(`The ${name} service is unavailable; try again in a moment`);
    }
    const json = parseJson(text);
    if (status >= 200 && status < 300) return json as T;
    if (status >= 500) {
      this.logger.warn(`${method} ${path}: ${status}`);
      throw new DependencyUnavailableError(`The ${name} service is unavailable; try again in a moment`);
    }
    const answer = errorAnswer.safeParse(json);
    throw new BackendError(
      status,
      answer.success ? answer.data.message : `The ${name} service refused the request`,
      answer.success ? answer.data.code : undefined,
      wwwAuthenticate,
    );
  }

  get<T>(path: string, authorization: string): Promise<T> {
    return this.call<T>('GET', path, authorization);
  }
}

const errorAnswer = z.object({ message: z.string(), code: z.string().optional() });

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
