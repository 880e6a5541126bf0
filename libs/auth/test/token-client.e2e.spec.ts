import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserSession, freePort, pkcePair, readForm, startDevIdp, type DevIdp } from '@fram/testing';
import { ClientCredentialsToken, TokenClient, TokenEndpointUnavailableError, TokenRequestRefusedError } from '@fram/auth';

/** TokenClient against the real dev-idp (oidc-provider), and against loopback stand-ins for what dev-idp cannot do (fail). */
describe('TokenClient', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  }, 30_000);
  afterAll(() => idp?.stop());

  /** A real sign-in on dev-idp's page: the authorization code, for `clientId` and `redirectUri`, with PKCE and a nonce. */
  async function authorizationCode(clientId: string, redirectUri: string, nonce: string) {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const params = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid email offline_access',
      redirect_uri: redirectUri,
      state: 's',
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      prompt: 'consent',
    });
    const start = await browser.follow(`${idp.issuer}/v1/authorize?${params.toString()}`, {}, redirectUri);
    const { action } = readForm(await start.response.text());
    const done = await browser.submit(new URL(action, start.url).href, { username: 'ada@example.com', password: 'fram-demo' }, redirectUri);
    return { code: new URL(done.url).searchParams.get('code')!, verifier };
  }

  it('exchanges a code with the PKCE verifier (client_secret_basic), refreshes with rotation, and revokes', async () => {
    const tokens = await TokenClient.discover(idp.issuer, { clientId: 'fram-frontend', clientSecret: 'fram-frontend-dev-secret' });
    const redirectUri = 'http://localhost:5000/auth';
    const { code, verifier } = await authorizationCode('fram-frontend', redirectUri, 'n-1');
    const signedIn = await tokens.exchangeCode({ code, redirectUri, codeVerifier: verifier, nonce: 'n-1' });
    expect(signedIn).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), idToken: expect.any(String) });
    expect(signedIn.expiresIn).toBeGreaterThan(0);
    expect(signedIn.response).toMatchObject({ id_token: signedIn.idToken, token_type: 'bearer' });

    const refreshed = await tokens.refresh(signedIn.refreshToken!);
    expect(refreshed.accessToken).not.toBe(signedIn.accessToken);
    expect(refreshed.refreshToken).not.toBe(signedIn.refreshToken);

    expect(await tokens.revoke(refreshed.refreshToken!, 'refresh_token')).toBe(true);
    const dead = await tokens.refresh(refreshed.refreshToken!).catch((error: unknown) => error);
    expect(dead).toBeInstanceOf(TokenRequestRefusedError);
    expect(dead).toMatchObject({ error: 'invalid_grant', grantIsDead: true });
  });

  it('refuses a code exchange whose ID token does not carry the nonce of the request', async () => {
    const tokens = await TokenClient.discover(idp.issuer, { clientId: 'fram-frontend', clientSecret: 'fram-frontend-dev-secret' });
    const redirectUri = 'http://localhost:5000/auth';
    const { code, verifier } = await authorizationCode('fram-frontend', redirectUri, 'n-2');
    await expect(tokens.exchangeCode({ code, redirectUri, codeVerifier: verifier, nonce: 'another' })).rejects.toThrow(/nonce/);
  });

  it('works as a public client (none): the client id in the form, no secret', async () => {
    const tokens = await TokenClient.discover(idp.issuer, { clientId: 'fram-cli', authMethod: 'none' });
    const redirectUri = 'http://127.0.0.1:8765/callback';
    const { code, verifier } = await authorizationCode('fram-cli', redirectUri, 'n-3');
    const signedIn = await tokens.exchangeCode({ code, redirectUri, codeVerifier: verifier, nonce: 'n-3' });
    expect((await tokens.refresh(signedIn.refreshToken!)).accessToken).toEqual(expect.any(String));
  });

  it('gets client_credentials tokens, and says why the IdP refuses one (not a dead grant)', async () => {
    const tokens = await TokenClient.discover(idp.issuer, { clientId: 'fram-scripts', clientSecret: 'fram-scripts-dev-secret' });
    expect(await tokens.clientCredentials('read:data')).toMatchObject({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
    const wrongSecret = TokenClient.discover(idp.issuer, { clientId: 'fram-scripts', clientSecret: 'wrong' }).then((t) =>
      t.clientCredentials('read:data'),
    );
    await expect(wrongSecret).rejects.toMatchObject({ error: 'invalid_client', grantIsDead: false });
  });

  it('an invalid or unknown refresh token is a dead grant', async () => {
    const tokens = await TokenClient.discover(idp.issuer, { clientId: 'fram-frontend', clientSecret: 'fram-frontend-dev-secret' });
    await expect(tokens.refresh('not-a-refresh-token')).rejects.toMatchObject({ error: 'invalid_grant', grantIsDead: true });
  });

  it('shares one client_credentials token among callers until shortly before it expires', async () => {
    const tokens = await TokenClient.discover(idp.issuer, { clientId: 'fram-scripts', clientSecret: 'fram-scripts-dev-secret' });
    let now = Date.now();
    const token = new ClientCredentialsToken(async () => tokens, 'read:data', { clock: { now: () => now }, renewBeforeMs: 30_000 });
    const [a, b] = await Promise.all([token.get(), token.get()]);
    expect(b).toBe(a);
    now += 1000;
    expect(await token.get()).toBe(a);
    now += 3600_000; // past its lifetime: a new one
    expect(await token.get()).not.toBe(a);
  });

  describe('against a stand-in token endpoint (loopback HTTP server)', () => {
    let server: Server;
    let base: string;
    let answer: (req: IncomingMessage, body: string, res: ServerResponse) => void;
    const seen: { authorization?: string; body: string }[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          seen.push({ authorization: req.headers.authorization, body });
          answer(req, body, res);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => (seen.length = 0));

    const json = (res: ServerResponse, status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const client = (authMethod: 'client_secret_basic' | 'client_secret_post' | 'none', timeoutMs?: number) =>
      new TokenClient(
        { issuer: base, token_endpoint: `${base}/token`, revocation_endpoint: `${base}/revoke` },
        { clientId: 'app', clientSecret: 's3cret', authMethod },
        { timeoutMs },
      );

    it('authenticates the client as configured: basic, post, or none', async () => {
      answer = (_req, _body, res) => json(res, 200, { access_token: 'at', token_type: 'Bearer', expires_in: 60 });
      for (const method of ['client_secret_basic', 'client_secret_post', 'none'] as const) {
        expect((await client(method).clientCredentials('read:data')).accessToken).toBe('at');
      }
      const [basic, post, none] = seen.map(({ authorization, body }) => ({
        authorization,
        form: Object.fromEntries(new URLSearchParams(body)),
      }));
      expect(basic).toEqual({
        authorization: `Basic ${Buffer.from('app:s3cret').toString('base64')}`,
        form: { grant_type: 'client_credentials', scope: 'read:data' },
      });
      expect(post).toEqual({
        authorization: undefined,
        form: { grant_type: 'client_credentials', scope: 'read:data', client_id: 'app', client_secret: 's3cret' },
      });
      expect(none).toEqual({ authorization: undefined, form: { grant_type: 'client_credentials', scope: 'read:data', client_id: 'app' } });
    });

    it('sends OIDC_RESOURCE and OIDC_AUDIENCE_PARAM with refresh and client_credentials requests (each resource once), never with revocation', async () => {
      answer = (req, _body, res) =>
        req.url === '/revoke' ? res.writeHead(200).end() : json(res, 200, { access_token: 'at', token_type: 'Bearer', expires_in: 60 });
      const withParams = new TokenClient(
        { issuer: base, token_endpoint: `${base}/token`, revocation_endpoint: `${base}/revoke` },
        { clientId: 'app', clientSecret: 's3cret', authMethod: 'client_secret_post' },
        { params: { resource: ['https://api.example.com/', 'urn:fram:search'], audience: 'https://api.example.com/' } },
      );
      await withParams.clientCredentials('read:data');
      await withParams.refresh('rt');
      await withParams.revoke('rt', 'refresh_token');
      await client('client_secret_post').clientCredentials('read:data');
      const [credentials, refresh, revoke, plain] = seen.map(({ body }) => new URLSearchParams(body));
      const named = (form: URLSearchParams | undefined) => ({ resource: form?.getAll('resource'), audience: form?.getAll('audience') });
      const expected = { resource: ['https://api.example.com/', 'urn:fram:search'], audience: ['https://api.example.com/'] };
      expect(named(credentials)).toEqual(expected);
      expect(credentials?.get('scope')).toBe('read:data');
      expect(named(refresh)).toEqual(expected);
      expect(refresh?.get('refresh_token')).toBe('rt');
      expect(named(revoke)).toEqual({ resource: [], audience: [] });
      expect(Object.fromEntries(plain)).toEqual({
        grant_type: 'client_credentials',
        scope: 'read:data',
        client_id: 'app',
        client_secret: 's3cret',
      });
    });

    it('is an outage, not a refusal, when the IdP answers 5xx (with or without an OAuth error) or an unusable answer', async () => {
      const answers: ((res: ServerResponse) => void)[] = [
        (res) => json(res, 503, { error: 'temporarily_unavailable' }),
        (res) => json(res, 500, { error: 'server_error' }),
        (res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
        (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Maintenance</h1>'),
      ];
      for (const send of answers) {
        answer = (_req, _body, res) => send(res);
        await expect(client('client_secret_basic').refresh('rt')).rejects.toBeInstanceOf(TokenEndpointUnavailableError);
      }
    });

    it('is an outage when the IdP does not answer in time, or cannot be reached', async () => {
      answer = () => undefined; // never answers
      await expect(client('client_secret_basic', 200).refresh('rt')).rejects.toThrow(/no answer in time/);
      const closed = `http://127.0.0.1:${await freePort()}`;
      const unreachable = new TokenClient({ issuer: closed, token_endpoint: `${closed}/token` }, { clientId: 'app', clientSecret: 's' });
      await expect(unreachable.clientCredentials('x')).rejects.toBeInstanceOf(TokenEndpointUnavailableError);
      await expect(TokenClient.discover(closed, { clientId: 'app', clientSecret: 's' })).rejects.toBeInstanceOf(
        TokenEndpointUnavailableError,
      );
    });

    it('revokes with the token type hint, and says when the IdP has no revocation endpoint', async () => {
      answer = (_req, _body, res) => res.writeHead(200).end();
      expect(await client('client_secret_basic').revoke('rt', 'refresh_token')).toBe(true);
      expect(Object.fromEntries(new URLSearchParams(seen[0].body))).toEqual({ token: 'rt', token_type_hint: 'refresh_token' });
      const withoutRevocation = new TokenClient({ issuer: base, token_endpoint: `${base}/token` }, { clientId: 'app', clientSecret: 's' });
      expect(await withoutRevocation.revoke('rt', 'refresh_token')).toBe(false);
    });
  });
});
