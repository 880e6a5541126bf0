import { Logger } from '@nestjs/common';
import { normalizeUser, type User } from '@fram/models';
import type { DirectoryConfig } from '../config/metadata-config';
import { DirectoryUnavailableError, UserDirectory } from './user-directory';

interface OktaUser {
  id: string;
  status: string;
  profile: Record<string, unknown>;
  _links?: { self?: { href?: string } };
}

type OktaConfig = Extract<DirectoryConfig, { kind: 'okta' }>;

/**
 * Okta's Users API (dev-idp serves the same): `filter=profile.email eq "…"`
 * for an exact match, a second lookup for the manager's email, and the
 * profile mapped to Amundsen's user. Authenticates with an SSWS API token or
 * with a client_credentials token of the org authorization server
 * (`okta.users.read`), fetched once and reused until shortly before it expires.
 */
export class OktaUserDirectory extends UserDirectory {
  private readonly logger = new Logger('OktaUserDirectory');
  private token: { value: string; expiresAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;

  constructor(private readonly config: OktaConfig) {
    super();
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const filter = `profile.email eq "${email.replace(/["\\]/g, '')}"`;
    const users = await this.get<OktaUser[]>(`/api/v1/users?${new URLSearchParams({ filter, limit: '2' }).toString()}`);
    const match = users?.find((u) => String(u.profile['email']).toLowerCase() === email.toLowerCase());
    if (!match) return undefined;
    const managerId = typeof match.profile['managerId'] === 'string' ? match.profile['managerId'] : undefined;
    const manager = managerId
      ? await this.get<OktaUser>(`/api/v1/users/${encodeURIComponent(managerId)}`).catch(() => undefined)
      : undefined;
    return toUser(match, manager);
  }

  private async get<T>(path: string): Promise<T | undefined> {
    let response: Response;
    try {
      response = await fetch(`${this.config.orgUrl}${path}`, {
        headers: { accept: 'application/json', authorization: await this.authorization() },
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw this.unavailable(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 404) return undefined;
    if (response.status === 401 && 'clientId' in this.config.credentials) this.token = undefined;
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      throw this.unavailable(`answered ${response.status}`);
    }
    return (await response.json()) as T;
  }

  private async authorization(): Promise<string> {
    const credentials = this.config.credentials;
    if ('apiToken' in credentials) return `SSWS ${credentials.apiToken}`;
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return `Bearer ${this.token.value}`;
    this.tokenRequest ??= this.fetchToken(credentials).finally(() => (this.tokenRequest = undefined));
    return `Bearer ${await this.tokenRequest}`;
  }

  private async fetchToken(credentials: { clientId: string; clientSecret: string }): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${this.config.orgUrl}/oauth2/v1/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'okta.users.read' }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw this.unavailable(`token request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !body.access_token) throw this.unavailable(`token request answered ${response.status} ${body.error ?? ''}`.trim());
    this.token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return body.access_token;
  }

  private unavailable(reason: string): DirectoryUnavailableError {
    this.logger.warn(`Users API at ${this.config.orgUrl}: ${reason}`);
    return new DirectoryUnavailableError(reason);
  }
}

/** okta.md's mapping from an Okta user to Amundsen's. */
export function toUser(okta: OktaUser, manager?: OktaUser): User {
  const p = okta.profile;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const first = str(p['firstName']);
  const last = str(p['lastName']);
  return normalizeUser({
    email: str(p['email']),
    user_id: str(p['email']),
    first_name: first,
    last_name: last,
    full_name: str(p['displayName']) ?? (first && last ? `${first} ${last}` : undefined),
    role_name: str(p['title']),
    team_name: str(p['department']),
    employee_type: str(p['userType']),
    is_active: okta.status === 'ACTIVE',
    profile_url: okta._links?.self?.href,
    manager_email: manager ? str(manager.profile['email']) : undefined,
    manager_fullname: manager
      ? (str(manager.profile['displayName']) ??
        [str(manager.profile['firstName']), str(manager.profile['lastName'])].filter(Boolean).join(' '))
      : undefined,
    manager_id: manager ? str(manager.profile['email']) : undefined,
  });
}
