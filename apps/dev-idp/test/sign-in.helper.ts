import { type BrowserSession, pkcePair, readForm, type DevIdp } from '@fram/testing';

export const FRONTEND = {
  clientId: 'fram-frontend',
  secret: 'fram-frontend-dev-secret',
  redirectUri: 'http://localhost:5000/auth',
  postLogoutUri: 'http://localhost:5000/',
};

/** The public command-line client (no secret: PKCE only). */
export const CLI = {
  clientId: 'fram-cli',
  secret: undefined,
  redirectUri: 'http://127.0.0.1:8765/callback',
  postLogoutUri: '',
};

type Client = { clientId: string; secret: string | undefined; redirectUri: string };

export interface SignInResult {
  /** Where the IdP sent the browser back to (the client's redirect URI with code or error). */
  callback: URL;
  verifier: string;
  nonce: string;
  state: string;
}

/** The browser's half of the authorization-code flow, up to the redirect back to the client. */
export async function signIn(
  browser: BrowserSession,
  idp: DevIdp,
  options: { username?: string; password?: string; scope?: string; pkce?: boolean; clientId?: string; redirectUri?: string } = {},
): Promise<SignInResult> {
  const { verifier, challenge } = pkcePair();
  const state = `state-${Math.random().toString(36).slice(2)}`;
  const nonce = `nonce-${Math.random().toString(36).slice(2)}`;
  const redirectUri = options.redirectUri ?? FRONTEND.redirectUri;
  const params = new URLSearchParams({
    client_id: options.clientId ?? FRONTEND.clientId,
    response_type: 'code',
    scope: options.scope ?? 'openid email profile offline_access',
    redirect_uri: redirectUri,
    state,
    nonce,
    ...(options.pkce !== false && { code_challenge: challenge, code_challenge_method: 'S256' }),
  });
  const start = await browser.follow(`${idp.issuer}/v1/authorize?${params.toString()}`, {}, redirectUri);
  if (start.url.startsWith(redirectUri)) return { callback: new URL(start.url), verifier, nonce, state };
  const page = await start.response.text();
  const { action } = readForm(page);
  const done = await browser.submit(
    new URL(action, start.url).href,
    {
      username: options.username ?? 'ada@example.com',
      password: options.password ?? 'fram-demo',
    },
    redirectUri,
  );
  if (!done.url.startsWith(redirectUri)) {
    throw Object.assign(new Error(`sign-in stopped at ${done.url} (${done.response.status})`), { response: done.response });
  }
  return { callback: new URL(done.url), verifier, nonce, state };
}

/** The client's half: exchanges the code at the token endpoint (client_secret_basic). */
export function exchangeCode(idp: DevIdp, result: SignInResult, client: Client = FRONTEND) {
  return tokenRequest(
    idp,
    {
      grant_type: 'authorization_code',
      code: result.callback.searchParams.get('code') ?? '',
      redirect_uri: client.redirectUri,
      code_verifier: result.verifier,
    },
    client,
  );
}

/** A form POST to one of the custom server's endpoints (the token endpoint by default), as the client (a public one names itself). */
export async function tokenRequest(idp: DevIdp, fields: Record<string, string>, client: Client = FRONTEND, endpoint = '/v1/token') {
  const response = await fetch(`${idp.issuer}${endpoint}`, {
    method: 'POST',
    headers: {
      ...(client.secret !== undefined && {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
      }),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(client.secret === undefined ? { ...fields, client_id: client.clientId } : fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}
