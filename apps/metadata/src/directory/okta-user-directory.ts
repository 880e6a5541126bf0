import { Logger } from '@nestjs/common';
import { ClientCredentialsToken, TokenClient, tokenFailureReason } from '@fram/auth';
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
  private readonly token: ClientCredentialsToken | undefined;

  constructor(private readonly config: OktaConfig) {
    super();
    const credentials = config.credentials;
    if ('clientId' in credentials) {
      // The org authorization server (the Users API's tokens come from it), at Okta's fixed path. Its token is for
      // Okta's API, not Fram's: OIDC_RESOURCE and OIDC_AUDIENCE_PARAM, which name Fram's API, are not sent.
      const client = new TokenClient(
        { issuer: config.orgUrl, token_endpoint: `${config.orgUrl}/oauth2/v1/token` },
        { clientId: credentials.clientId, clientSecret: credentials.clientSecret, authMethod: credentials.authMethod },
        { timeoutMs: config.timeoutMs },
      );
      this.token = new ClientCredentialsToken(async () => client, 'okta.users.read', { renewBeforeMs: 60_000 });
    }
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
    const authorization = await this.authorization();
    let response: Response;
    try {
      response = await fetch(`${this.config.orgUrl}${path}`, {
        headers: { accept: 'application/json', authorization },
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw this.unavailable(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 404) return undefined;
    if (response.status === 401) this.token?.forget();
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      throw this.unavailable(`answered ${response.status}`);
    }
    return (await response.json()) as T;
  }

  private async authorization(): Promise<string> {
    const credentials = this.config.credentials;
    if ('apiToken' in credentials) return `SSWS ${credentials.apiToken}`;
    try {
      return `Bearer ${await this.token!.get()}`;
    } catch (error) {
      const reason = tokenFailureReason(error) ?? (error instanceof Error ? error.message : String(error));
      throw this.unavailable(`not called: no token for SERVICE_CLIENT_ID ${credentials.clientId} (scope okta.users.read): ${reason}`);
    }
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
