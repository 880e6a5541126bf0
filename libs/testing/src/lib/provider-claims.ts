/**
 * TEST FIXTURE: the claims of access tokens shaped exactly as each identity
 * provider documents them: its claim names and value types, and the claims it
 * adds that Fram ignores (jti, acr, sid, aio, rh, uti, ...), so tests prove Fram
 * reads the right ones and is not thrown by the others.
 *
 * Each function takes the values that differ between deployments and tests
 * (issuer, audience, times, client ids, the person, groups, roles, scopes) and
 * fills in the rest as the provider does. A test passes explicitly every claim
 * its assertion is about, and spreads the result to add, change or remove (with
 * `undefined`) a claim for a look-alike or negative case. `TestIssuer.signed`
 * signs the result as it is; `toPrincipal` maps it directly.
 *
 * Sources: Okta https://developer.okta.com/docs/reference/api/oidc/#access-token,
 * Auth0 https://auth0.com/docs/secure/tokens/access-tokens/access-token-profiles,
 * Keycloak's access tokens (realm and client roles, service accounts),
 * Microsoft Entra ID https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference,
 * LemonLDAP::NG's JWT access tokens; docs/other-providers.md describes each.
 */

/** A token's claims, as a provider would sign them. */
export type TokenClaims = Record<string, unknown>;

/** What every access token says: who issued it, for which audience (Fram's API), when, and until when (seconds). */
export interface TokenBasics {
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

/** The scopes the frontend asks for when a person signs in (none of them one of Fram's role scopes). */
const SIGN_IN_SCOPES = ['openid', 'email', 'profile', 'offline_access'];

/** Leaves out the claims whose value is undefined, as a provider leaves out a claim it has no value for. */
function present(claims: TokenClaims): TokenClaims {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

/** A list claim that the provider leaves out when it would be empty (Entra's `groups` and `roles`). */
function unlessEmpty(values: readonly string[] | undefined): readonly string[] | undefined {
  return values !== undefined && values.length > 0 ? values : undefined;
}

/**
 * Okta, custom authorization server (`https://{org}.okta.com/oauth2/{server}`):
 * `ver`, `jti` "AT.…", `cid` the client id, `scp` an array, and for a person `uid`
 * (Okta's user id), `sub` the login and the `groups` claim the server is set up
 * to add.
 */
const okta = {
  /**
   * A person's token (authorization code, from the frontend client). `scopes`:
   * the sign-in scopes unless given. `uid`: Okta's id of the user (only its
   * presence matters to Fram: a token with a user is a person's).
   */
  user(input: TokenBasics & { clientId: string; sub: string; groups: string[]; uid?: string; scopes?: string[] }): TokenClaims {
    const { iss, aud, iat, exp, clientId, sub, groups, uid = '00u1ada2lovelace3', scopes = SIGN_IN_SCOPES } = input;
    return {
      ver: 1,
      jti: 'AT.3mLHrbdcCz6a7k1Jp1uS5pGvYdzUQJ4mM5gmdXRhM8Y',
      iss,
      aud,
      iat,
      exp,
      cid: clientId,
      uid,
      scp: scopes,
      auth_time: iat,
      sub,
      groups,
    };
  },

  /** A service app's client_credentials token: `sub` = `cid` = the client id, no `uid`, no groups. */
  serviceApp(input: TokenBasics & { clientId: string; scopes: string[] }): TokenClaims {
    const { iss, aud, iat, exp, clientId, scopes } = input;
    return { ver: 1, jti: 'AT.x0Vq3xY9uyA2ZCfpZr1sZ3EhBzOQ8n3vYbZBp7Zz0Oc', iss, aud, iat, exp, cid: clientId, scp: scopes, sub: clientId };
  },
};

/**
 * Auth0 (issuer `https://{tenant}.auth0.com/`), an API with RBAC and "Add
 * Permissions in the Access Token" on: `permissions` holds the granted
 * permissions, `scope` is a space-separated string, `azp` the client id.
 */
const auth0 = {
  /**
   * A person's token for the API: `aud` is the API identifier and the tenant's
   * `/userinfo`; `scope` the sign-in scopes unless given; `permissions` the
   * person's (none unless given). `actionClaims`: what a post-login Action adds,
   * under a namespace (`https://fram.example.com/groups`).
   */
  user(
    input: TokenBasics & { sub: string; clientId: string; permissions?: string[]; actionClaims?: TokenClaims; scope?: string },
  ): TokenClaims {
    const { iss, aud, iat, exp, sub, clientId, permissions = [], actionClaims = {}, scope = SIGN_IN_SCOPES.join(' ') } = input;
    return { iss, sub, aud: [aud, `${iss.replace(/\/$/, '')}/userinfo`], iat, exp, scope, azp: clientId, permissions, ...actionClaims };
  },

  /**
   * A Machine to Machine application's token: `gty: client-credentials`, `sub`
   * `<client id>@clients`. Auth0 puts the granted permissions in `scope` too:
   * pass it as the test needs it (no `scope` claim when left out).
   */
  m2m(input: TokenBasics & { clientId: string; permissions: string[]; scope?: string }): TokenClaims {
    const { iss, aud, iat, exp, clientId, permissions, scope } = input;
    return present({ iss, sub: `${clientId}@clients`, aud, iat, exp, scope, gty: 'client-credentials', azp: clientId, permissions });
  },
};

/**
 * Keycloak (issuer `https://{host}/realms/{realm}`): `typ: Bearer`, `azp` the
 * client, realm roles in `realm_access.roles`, each client's roles in
 * `resource_access.<client>.roles`, and in `aud` the audience mapper's value
 * plus every other client whose roles the token carries.
 */
const keycloak = {
  /**
   * A person's token. `realmRoles`: the realm's default roles unless given (they
   * count as groups with `ROLES_CLAIM=realm_access.roles`). `clientRoles` join
   * the `account` client's roles every user has. `groups`: the Group Membership
   * mapper's claim (left out unless given). `username`: the email's local part
   * unless given.
   */
  user(
    input: TokenBasics & {
      clientId: string;
      email: string;
      username?: string;
      realmRoles?: string[];
      clientRoles?: Record<string, string[]>;
      groups?: string[];
      name?: string;
      sub?: string;
    },
  ): TokenClaims {
    const { iss, aud, iat, exp, clientId, email, clientRoles = {}, groups, name, sub = '5b9c6f44-1f1e-4d8f-a9b6-6c1f3e0b7d21' } = input;
    const { username = email.split('@')[0], realmRoles = keycloakDefaultRealmRoles(iss) } = input;
    const clients = { account: ['manage-account', 'manage-account-links', 'view-profile'], ...clientRoles };
    const [givenName, ...familyName] = name?.split(' ') ?? [];
    return present({
      exp,
      iat,
      auth_time: iat,
      jti: 'onrtac:8f1d5d4e-2f7b-4b1e-9d55-0d8a6f1f2a11',
      iss,
      aud: keycloakAudience(aud, clientId, clients),
      sub,
      typ: 'Bearer',
      azp: clientId,
      sid: '0f6b0e7a-6a43-4c8e-8d0e-6f5f1a0c9b33',
      acr: '1',
      'allowed-origins': ['https://fram.example.com'],
      realm_access: { roles: realmRoles },
      resource_access: resourceAccess(clients),
      scope: 'openid email profile',
      email_verified: true,
      name,
      preferred_username: username,
      given_name: givenName,
      family_name: familyName.length > 0 ? familyName.join(' ') : undefined,
      email,
      groups,
    });
  },

  /**
   * A client's service account token (client_credentials): Keycloak signs it for
   * the user it made, `service-account-<client id in lower case>`, with the
   * client in `azp` and `client_id`; `sub` is that user's id. `realmRoles`: the
   * realm's default roles unless given. `clientRoles`: the clients' roles given
   * to the service account (no `resource_access` when none).
   */
  serviceAccount(
    input: TokenBasics & { clientId: string; realmRoles?: string[]; clientRoles?: Record<string, string[]>; sub?: string },
  ): TokenClaims {
    const { iss, aud, iat, exp, clientId, clientRoles = {}, sub = 'a1d2c3b4-9e8f-4a6b-8c7d-1e2f3a4b5c6d' } = input;
    const { realmRoles = keycloakDefaultRealmRoles(iss) } = input;
    return present({
      exp,
      iat,
      jti: 'trrtcc:3c1b2a7e-5d64-4f0e-b3a2-8e7f6d5c4b3a',
      iss,
      aud: keycloakAudience(aud, clientId, clientRoles),
      sub,
      typ: 'Bearer',
      azp: clientId,
      acr: '1',
      realm_access: { roles: realmRoles },
      resource_access: Object.keys(clientRoles).length > 0 ? resourceAccess(clientRoles) : undefined,
      scope: 'profile email',
      email_verified: false,
      clientHost: '10.0.0.7',
      preferred_username: `service-account-${clientId.toLowerCase()}`,
      clientAddress: '10.0.0.7',
      client_id: clientId,
    });
  },
};

/** The realm roles Keycloak gives every user of a realm (named by the issuer's last path segment). */
function keycloakDefaultRealmRoles(iss: string): string[] {
  const realm =
    new URL(iss).pathname
      .split('/')
      .filter((segment) => segment !== '')
      .at(-1) ?? '';
  return [`default-roles-${realm}`, 'offline_access', 'uma_authorization'];
}

function resourceAccess(clientRoles: Record<string, string[]>): Record<string, { roles: string[] }> {
  return Object.fromEntries(Object.entries(clientRoles).map(([client, roles]) => [client, { roles }]));
}

/** The audience mapper's value, then the other clients whose roles are in the token; one value alone is a string. */
function keycloakAudience(aud: string, clientId: string, clientRoles: Record<string, string[]>): string | string[] {
  const all = [...new Set([aud, ...Object.keys(clientRoles).filter((client) => client !== clientId)])];
  return all.length === 1 ? all[0] : all;
}

/**
 * Microsoft Entra ID. v2 tokens (issuer `https://login.microsoftonline.com/{tenant}/v2.0`)
 * have `aud` = the API's application id, `azp` the client; v1 tokens (issuer
 * `https://sts.windows.net/{tenant}/`) have `aud` = the Application ID URI,
 * `appid` the client. `groups` holds group object ids, `roles` the app roles
 * assigned; Entra leaves either out when empty. `tid` is taken from `iss`.
 */
const entra = {
  /**
   * A person's v2 token: `scp` (the delegated scopes, a space-separated string),
   * `preferred_username` (the UPN), a pairwise `sub` that differs from `oid`.
   */
  v2User(
    input: TokenBasics & {
      clientId: string;
      preferredUsername: string;
      scp: string;
      groups?: string[];
      roles?: string[];
      name?: string;
      oid?: string;
      sub?: string;
    },
  ): TokenClaims {
    const { clientId, preferredUsername, scp, groups, roles, name } = input;
    const { oid = '690222be-ff1a-4d56-abd1-7e4f7d38e474', sub = 'MF4f-ggWMEji12KynJUNQZphaUTvLcQug5jdF2nl01Q' } = input;
    return entraToken('2.0', input, {
      aio: 'AWQAm/8TAAAAe3KdP0D7yqv1Ovf5EcVGvUNPY3OeqsGyqL8y6BeDk0g=',
      azp: clientId,
      azpacr: '1',
      groups: unlessEmpty(groups),
      name,
      oid,
      preferred_username: preferredUsername,
      roles: unlessEmpty(roles),
      scp,
      sub,
      uti: 'fqiBqXLPj0eQa82S-IYFAA',
    });
  },

  /**
   * An app-only v2 token (client_credentials): no `scp`, `roles` the granted app
   * roles, `sub` = `oid` (the app's service principal). `idtyp: app` only when
   * that optional claim is configured: add it by spreading.
   */
  v2App(input: EntraAppInput): TokenClaims {
    return entraToken('2.0', input, { aio: 'E2ZgYNjX4ne5vN8/1wf7z7P8AA==', azp: input.clientId, azpacr: '1', ...entraApp(input) });
  },

  /** An app-only v1 token: the client id in `appid`, `idp` the issuer, otherwise as v2's. */
  v1App(input: EntraAppInput): TokenClaims {
    return entraToken('1.0', input, {
      aio: 'E2ZgYJi3nPrz+k7ia9Kk7gA=',
      appid: input.clientId,
      appidacr: '1',
      idp: input.iss,
      ...entraApp(input),
    });
  },
};

type EntraAppInput = TokenBasics & { clientId: string; roles: string[]; oid?: string };

/** What every Entra access token of that version carries (`tid` from the issuer), with the claims of its kind. */
function entraToken(ver: '1.0' | '2.0', { iss, aud, iat, exp }: TokenBasics, claims: TokenClaims): TokenClaims {
  const tid = new URL(iss).pathname.split('/')[1];
  return present({ aud, iss, iat, nbf: iat, exp, rh: '0.AX0A-vMgcrGGr0GRqy18fNAbRysXdG5Wvkd...', tid, ...claims, ver });
}

/** An app-only token's own claims: the service principal as `oid` and `sub`, the granted app roles. */
function entraApp({ roles, oid = 'c5e7a9b1-2d3f-4a5b-9c8d-7e6f5a4b3c2d' }: EntraAppInput): TokenClaims {
  return { oid, roles: unlessEmpty(roles), sub: oid, uti: 'Kx5W7ahbUUa2MZhUYOkOAA' };
}

/**
 * LemonLDAP::NG, JWT access tokens with claims released: `aud` is the client id
 * plus the relying party's additional audience (Fram's API, given as `aud`),
 * `client_id` the client, `scope` a space-separated string.
 */
const lemonldap = {
  /** A person's token: `sub` and `preferred_username` the login, and the exported attributes `email`, `name`, `groups` (always an array). */
  user(
    input: TokenBasics & { clientId: string; login: string; email: string; groups: string[]; name?: string; scope?: string },
  ): TokenClaims {
    const { iss, aud, iat, exp, clientId, login, email, groups, name, scope = 'openid email profile' } = input;
    return present({
      iss,
      sub: login,
      aud: [clientId, aud],
      iat,
      exp,
      jti: 'f3a1c6e0b2d4',
      client_id: clientId,
      scope,
      email,
      name,
      preferred_username: login,
      groups,
    });
  },

  /** A client_credentials token: `sub` = `client_id` = the client id, the granted role scopes in `scope`. */
  clientCredentials(input: TokenBasics & { clientId: string; scope: string }): TokenClaims {
    const { iss, aud, iat, exp, clientId, scope } = input;
    return { iss, sub: clientId, aud: [clientId, aud], iat, exp, jti: '9b8e7d6c5a41', client_id: clientId, scope };
  },
};

/**
 * Any OpenID provider that signs plain access tokens (`azp` the client, the
 * user's `email`), with `groups` as it sends them: an array, or one
 * comma-separated string as some directories' mappers write it.
 */
const oidc = {
  user(input: TokenBasics & { sub: string; clientId: string; email: string; groups: string | string[] }): TokenClaims {
    const { iss, aud, iat, exp, sub, clientId, email, groups } = input;
    return { iss, sub, aud, iat, exp, azp: clientId, email, groups };
  },
};

/** Access token claims as each provider documents them; see the module comment. */
export const providerClaims = { okta, auth0, keycloak, entra, lemonldap, oidc } as const;
