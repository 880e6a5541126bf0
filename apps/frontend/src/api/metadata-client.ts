import { Injectable, Logger } from '@nestjs/common';
import { env, EnvReader } from '@fram/config';
import { z } from 'zod';

/**
 * Calls the metadata service with the caller's access token — only the
 * access token, never the refresh token, the ID token or the cookie.
 */
@Injectable()
export class MetadataClient {
  private readonly logger = new Logger('MetadataClient');
  readonly baseUrl: string;

  constructor() {
    const reader = new EnvReader(process.env);
    this.baseUrl = reader.read({ name: 'METADATA_URL', schema: z.string().optional().transform((v) => (v ?? 'http://127.0.0.1:5002').replace(/\/$/, '')) });
    reader.read({ name: 'METADATA_TIMEOUT_MS', schema: env.integer(5000, 100, 60_000, 'milliseconds') });
    reader.done();
  }

  async get<T>(path: string, authorization: string): Promise<{ status: number; body: T | undefined }> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
      const body = (await response.json().catch(() => undefined)) as T | undefined;
      return { status: response.status, body };
    } catch (error) {
      this.logger.warn(`metadata ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 503, body: undefined };
    }
  }
}
