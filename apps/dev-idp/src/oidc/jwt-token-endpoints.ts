import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { jwtVerify, type JWTPayload } from 'jose';
import getRawBody from 'raw-body';
import type { Directory } from '../directory/directory';
import { accountClaims, CLAIMS_BY_SCOPE, type ServerShape } from './provider-factory';
import type { OidcServers } from './oidc-servers';

const JWT = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/;

/**
 * Okta answers userinfo and introspection for its JWT access tokens;
 * oidc-provider only for the opaque tokens it stores. This serves those two
 * endpoints for JWT access tokens (verified with dev-idp's own keys) and
 * leaves everything else — refresh tokens, opaque tokens — to oidc-provider.
 * Returns false when the request is not one it answers.
 */
export async function answerForJwtAccessToken(
  req: IncomingMessage,
  res: ServerResponse,
  shape: ServerShape,
  servers: OidcServers,
  directory: Directory,
): Promise<boolean> {
  const path = (req.url ?? '').split('?')[0];
  if (path === `${shape.prefix}/userinfo`) return userinfo(req, res, shape, servers, directory);
  if (path === `${shape.prefix}/introspect` && req.method === 'POST') return introspect(req, res, shape, servers, directory);
  return false;
}

async function userinfo(req: IncomingMessage, res: ServerResponse, shape: ServerShape, servers: OidcServers, directory: Directory) {
  const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match || !JWT.test(match[1])) return false;
  const payload = await verifyAccessToken(match[1], shape, servers);
  const scopes = Array.isArray(payload?.['scp']) ? (payload['scp'] as string[]) : [];
  const user = typeof payload?.['uid'] === 'string' ? directory.find(payload['uid']) : undefined;
  if (!payload || !user || !scopes.includes('openid')) {
    send(
      res,
      401,
      { error: 'invalid_token', error_description: 'The access token is invalid.' },
      { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    );
    return true;
  }
  const all = accountClaims(user, directory, servers.shapes.org.issuer);
  const released = new Set<string>(
    scopes.flatMap((s) => (s in CLAIMS_BY_SCOPE ? [...CLAIMS_BY_SCOPE[s as keyof typeof CLAIMS_BY_SCOPE]] : [])),
  );
  send(res, 200, Object.fromEntries(Object.entries(all).filter(([claim]) => released.has(claim))));
  return true;
}

async function introspect(req: IncomingMessage, res: ServerResponse, shape: ServerShape, servers: OidcServers, directory: Directory) {
  const body = new URLSearchParams(await getRawBody(req, { limit: '64kb', encoding: 'utf8' }));
  const token = body.get('token') ?? '';
  if (!JWT.test(token)) {
    // Not ours: hand the already-read body to oidc-provider.
    (req as IncomingMessage & { body?: Record<string, string> }).body = Object.fromEntries(body);
    return false;
  }
  if (!authenticatesClient(req.headers.authorization, body, directory)) {
    send(res, 401, { error: 'invalid_client', error_description: 'client authentication failed' });
    return true;
  }
  const payload = await verifyAccessToken(token, shape, servers);
  if (!payload) {
    send(res, 200, { active: false });
    return true;
  }
  const scopes = Array.isArray(payload['scp']) ? (payload['scp'] as string[]) : [];
  send(res, 200, {
    active: true,
    scope: scopes.join(' '),
    username: payload.sub,
    exp: payload.exp,
    iat: payload.iat,
    sub: payload.sub,
    aud: payload.aud,
    iss: payload.iss,
    jti: payload.jti,
    token_type: 'Bearer',
    client_id: payload['cid'],
    ...(payload['uid'] !== undefined && { uid: payload['uid'] }),
  });
  return true;
}

async function verifyAccessToken(token: string, shape: ServerShape, servers: OidcServers): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, servers.localKeySet(), {
      issuer: shape.issuer,
      audience: shape.audience,
      algorithms: ['RS256'],
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** client_secret_basic, client_secret_post, or a public client's client_id. */
function authenticatesClient(authorization: string | undefined, body: URLSearchParams, directory: Directory): boolean {
  let id = body.get('client_id') ?? '';
  let secret = body.get('client_secret') ?? undefined;
  const basic = /^Basic (\S+)$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const client = directory.clients.find((c) => c.client_id === id);
  if (!client) return false;
  if (client.token_endpoint_auth_method === 'none') return secret === undefined;
  if (client.client_secret === undefined || secret === undefined) return false;
  const a = Buffer.from(secret);
  const b = Buffer.from(client.client_secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
