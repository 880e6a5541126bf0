import Provider, { type Configuration, type KoaContextWithOIDC, type ClientMetadata } from 'oidc-provider';
import type { DevIdpConfig } from '../config/dev-idp-config';
import type { Directory } from '../directory/directory';
import type { FaultState } from '../faults/fault-state';
import type { SeedClient, SeedUser } from '../seed/seed';
import { errorPage, loggedOutPage, logoutPage } from '../interaction/pages';
import type { SigningKeys } from './signing-keys';

/** Okta's two kinds of authorization server, as dev-idp serves them. */
export type ServerKind = 'default' | 'org';

export interface ServerShape {
  kind: ServerKind;
  issuer: string;
  /** Where its endpoints live below the issuer: `/v1` (custom) or `/oauth2/v1` (org). */
  prefix: string;
  /** The API its access tokens are for (`aud`). */
  audience: string;
  /** Scopes of that API. */
  apiScopes: readonly string[];
}

/** The claims each OpenID scope releases (ID token and userinfo). */
export const CLAIMS_BY_SCOPE = {
  openid: ['sub', 'idp'],
  email: ['email', 'email_verified'],
  profile: ['name', 'preferred_username', 'given_name', 'family_name', 'zoneinfo', 'locale', 'updated_at', 'groups'],
  groups: ['groups'],
} as const;

/** Every OpenID claim of a person; `sub` is the Okta user id, as in Okta's ID tokens and userinfo. */
export function accountClaims(user: SeedUser, directory: Directory, origin: string): { sub: string; [claim: string]: unknown } {
  const { profile } = user;
  return {
    sub: user.id,
    idp: origin,
    email: profile.email,
    email_verified: true,
    name: profile.displayName ?? `${profile.firstName} ${profile.lastName}`,
    preferred_username: profile.login,
    given_name: profile.firstName,
    family_name: profile.lastName,
    zoneinfo: 'America/Los_Angeles',
    locale: 'en_US',
    updated_at: 1705309200,
    groups: directory.groupNames(user),
  };
}

/** Scopes of Fram's API on the custom authorization server. */
export const FRAM_SCOPES = ['read:data', 'write:data', 'admin:system'] as const;
/** Scopes of Okta's own APIs on the org authorization server (the part dev-idp serves). */
export const ORG_SCOPES = ['okta.users.read', 'okta.groups.read'] as const;

export function serverShapes(config: DevIdpConfig): Record<ServerKind, ServerShape> {
  return {
    default: {
      kind: 'default',
      issuer: `${config.origin}/oauth2/default`,
      prefix: '/v1',
      audience: config.audience,
      apiScopes: FRAM_SCOPES,
    },
    org: { kind: 'org', issuer: config.origin, prefix: '/oauth2/v1', audience: config.origin, apiScopes: ORG_SCOPES },
  };
}

/**
 * Builds one oidc-provider instance shaped like an Okta authorization server:
 * Okta's endpoint paths, JWT access tokens with Okta's claims (`ver`, `jti`,
 * `cid`, `uid`, `scp` as an array, `sub` the login, `groups`), ID tokens with
 * the profile, email and groups claims, authorization code with PKCE,
 * rotating refresh tokens, client_credentials, revocation, introspection and
 * RP-initiated logout with registered post-logout URIs.
 */
export function createProvider(
  shape: ServerShape,
  config: DevIdpConfig,
  directory: Directory,
  keys: SigningKeys,
  faults?: Pick<FaultState, 'idTokenIatOffsetSec'>,
): Provider {
  const clients = new Map(directory.clients.map((c) => [c.client_id, c]));
  const route = (path: string) => `${shape.prefix}${path}`;

  const configuration: Configuration = {
    clients: directory.clients.map((c) => toClientMetadata(c, shape)),
    jwks: { keys: keys.all.map((k) => ({ ...k })) },
    cookies: { keys: config.cookieKeys, long: { signed: true }, short: { signed: true } },
    routes: {
      authorization: route('/authorize'),
      token: route('/token'),
      jwks: route('/keys'),
      userinfo: route('/userinfo'),
      end_session: route('/logout'),
      revocation: route('/revoke'),
      introspection: route('/introspect'),
      code_verification: route('/device'),
      pushed_authorization_request: route('/par'),
      registration: route('/clients'),
      backchannel_authentication: route('/bc-authorize'),
    },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access', ...shape.apiScopes],
    claims: {
      ...Object.fromEntries(Object.entries(CLAIMS_BY_SCOPE).map(([scope, claims]) => [scope, [...claims]])),
      openid: [...CLAIMS_BY_SCOPE.openid, 'amr'],
    },
    conformIdTokenClaims: false, // like Okta: the ID token carries the profile, email and groups claims
    async findAccount(_ctx, id) {
      const user = directory.find(id);
      if (!user || user.status !== 'ACTIVE') return undefined;
      return { accountId: user.id, claims: async () => accountClaims(user, directory, config.origin) };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        async postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => shape.audience,
        useGrantedResource: () => true,
        async getResourceServerInfo(_ctx, resource, client) {
          if (resource !== shape.audience) throw new Error(`unknown resource ${resource}`);
          // A client_credentials client may only get the API scopes it was given.
          const seedClient = clients.get(client.clientId);
          const allowed = seedClient?.grant_types.includes('client_credentials')
            ? shape.apiScopes.filter((s) => seedClient.scopes.includes(s))
            : shape.apiScopes;
          return {
            scope: allowed.join(' '),
            audience: shape.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: config.accessTokenTtlSec,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    pkce: {
      methods: ['S256'],
      required: (_ctx, client) => clients.get(client.clientId)?.requirePkce === true || client.clientAuthMethod === 'none',
    },
    ttl: {
      AccessToken: config.accessTokenTtlSec,
      ClientCredentials: config.accessTokenTtlSec,
      IdToken: 3600,
      AuthorizationCode: 300,
      Interaction: 3600,
      Session: 86400,
      Grant: config.refreshTokenTtlSec,
      RefreshToken: config.refreshTokenTtlSec,
    },
    rotateRefreshToken: true,
    async issueRefreshToken(_ctx, client, code) {
      return client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access');
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${shape.kind}/${interaction.uid}`,
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client!.clientId);
      return grantId ? oidc.provider.Grant.find(grantId) : undefined;
    },
    extraTokenClaims(ctx, token) {
      // Okta's access tokens carry auth_time.
      const entities = ctx.oidc.entities as { AuthorizationCode?: { authTime?: number }; RefreshToken?: { authTime?: number } };
      const authTime = entities.AuthorizationCode?.authTime ?? entities.RefreshToken?.authTime;
      return 'accountId' in token && authTime !== undefined ? { auth_time: authTime } : undefined;
    },
    formats: {
      customizers: {
        jwt(ctx, token, jwt) {
          const payload = jwt.payload as Record<string, unknown>;
          // Okta's scp lists every granted scope, the OpenID ones included; oidc-provider's
          // resource-bound token has only the API's, so the code's or refresh token's are added.
          const entities = ctx.oidc.entities as { AuthorizationCode?: { scope?: string }; RefreshToken?: { scope?: string } };
          const granted = entities.AuthorizationCode?.scope ?? entities.RefreshToken?.scope ?? '';
          const accountId = 'accountId' in token ? token.accountId : undefined;
          const user = accountId ? directory.find(accountId) : undefined;
          // A person gets only the API scopes their groups allow, as an Okta access policy grants them.
          const allowed = user ? directory.apiScopesOf(user) : undefined;
          const scope = [
            ...new Set([...granted.split(' '), ...(typeof payload['scope'] === 'string' ? payload['scope'] : '').split(' ')]),
          ].filter((s) => s !== '' && (allowed === undefined || !shape.apiScopes.includes(s) || allowed.has(s)));
          delete payload['scope'];
          delete payload['client_id'];
          payload['ver'] = 1;
          payload['jti'] = `AT.${String(payload['jti'])}`;
          payload['cid'] = token.clientId;
          payload['scp'] = scope;
          if (user) {
            payload['uid'] = user.id;
            payload['sub'] = user.profile.login;
            if (shape.kind === 'default') payload['groups'] = directory.groupNames(user);
          } else {
            payload['sub'] = token.clientId;
          }
          return jwt;
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage('Something went wrong', describeError(out));
    },
    clientBasedCORS: () => true,
    allowOmittingSingleRegisteredRedirectUri: false,
  };

  const provider = new Provider(shape.issuer, configuration);
  provider.proxy = true;
  // The token response's `scope` says what the access token holds (its scp), as Okta's does.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { access_token?: unknown; scope?: unknown } | undefined;
    if (ctx.path === route('/token') && body && typeof body.access_token === 'string') {
      const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp?: string[] };
      if (Array.isArray(claims.scp)) body.scope = claims.scp.join(' ');
    }
  });
  if (faults) shiftIdTokenIat(provider, faults);
  return provider;
}

/** Fault switch: ID tokens carry an `iat` shifted by `idTokenIatOffsetSec` (oidc-provider keeps a preset iat). */
function shiftIdTokenIat(provider: Provider, faults: Pick<FaultState, 'idTokenIatOffsetSec'>): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with its own `this`
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = function (this: InstanceType<Provider['IdToken']>, options) {
    if (options.use === 'idtoken' && faults.idTokenIatOffsetSec !== 0)
      this.set('iat', Math.floor(Date.now() / 1000) + faults.idTokenIatOffsetSec);
    return issue.call(this, options);
  };
}

/** A seed client as this server registers it; its scopes are this server's share of the client's. */
function toClientMetadata(client: SeedClient, shape: ServerShape): ClientMetadata {
  const interactive = client.grant_types.includes('authorization_code');
  const apiScopes = interactive ? shape.apiScopes : shape.apiScopes.filter((s) => client.scopes.includes(s));
  return {
    client_id: client.client_id,
    ...(client.client_secret !== undefined && { client_secret: client.client_secret }),
    client_name: client.name,
    grant_types: client.grant_types,
    response_types: interactive ? ['code'] : [],
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris,
    token_endpoint_auth_method: client.token_endpoint_auth_method,
    scope: ['openid', 'email', 'profile', 'groups', 'offline_access', ...apiScopes].join(' '),
  };
}

function describeError(out: { error?: string; error_description?: string }): string {
  const code = out.error ?? 'server_error';
  return out.error_description ? `${out.error_description} (${code})` : code;
}
