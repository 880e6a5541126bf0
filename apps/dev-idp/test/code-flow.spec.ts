import { BrowserSession, jwtClaims, jwtHeader, readForm, startDevIdp, type DevIdp } from '@fram/testing';
import { exchangeCode, FRONTEND, signIn, tokenRequest } from './sign-in.helper';

/** The authorization-code flow with PKCE, scripted like a browser with a cookie jar, over HTTP. */
describe('dev-idp: sign-in, tokens, refresh, revocation and logout', () => {
  let idp: DevIdp;
  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());

  it("signs a person in with the code flow and PKCE, and issues tokens shaped like Okta's", async () => {
    const browser = new BrowserSession();
    const result = await signIn(browser, idp);
    expect(result.callback.searchParams.get('state')).toBe(result.state);
    expect(result.callback.searchParams.get('iss')).toBe(idp.issuer);
    const { status, body } = await exchangeCode(idp, result);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid email profile offline_access' });

    expect(jwtHeader(body['access_token'])).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const access = jwtClaims(body['access_token']);
    expect(Object.keys(access).sort()).toEqual(
      ['aud', 'auth_time', 'cid', 'exp', 'groups', 'iat', 'iss', 'jti', 'scp', 'sub', 'uid', 'ver'].sort(),
    );
    expect(access).toMatchObject({
      ver: 1,
      jti: expect.stringMatching(/^AT\./),
      iss: idp.issuer,
      aud: 'api://fram',
      cid: 'fram-frontend',
      uid: '00u01ada000000000000',
      sub: 'ada@example.com',
      scp: ['openid', 'email', 'profile', 'offline_access'],
      groups: ['Everyone', 'Fram Users', 'Fram Admins', 'Data Engineers'],
    });
    expect((access['exp'] as number) - (access['iat'] as number)).toBe(3600);

    const id = jwtClaims(body['id_token']);
    expect(id).toMatchObject({
      iss: idp.issuer,
      aud: 'fram-frontend',
      sub: '00u01ada000000000000',
      nonce: result.nonce,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      preferred_username: 'ada@example.com',
      groups: ['Everyone', 'Fram Users', 'Fram Admins', 'Data Engineers'],
      amr: ['pwd'],
      at_hash: expect.any(String),
    });
    expect(body['refresh_token']).toEqual(expect.any(String));
  });

  it('answers userinfo and introspection for the access token', async () => {
    const { body } = await exchangeCode(idp, await signIn(new BrowserSession(), idp, { username: 'barbara@example.com' }));
    const userinfo = await fetch(`${idp.issuer}/v1/userinfo`, { headers: { authorization: `Bearer ${body['access_token']}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: '00u06barbara00000000', email: 'barbara@example.com', name: 'Barbara Liskov' });
    const introspection = await tokenRequest(idp, { token: body['access_token'] }, { ...FRONTEND }, '/v1/introspect');
    expect(introspection.body).toMatchObject({
      active: true,
      client_id: 'fram-frontend',
      sub: 'barbara@example.com',
      uid: '00u06barbara00000000',
    });
    const tampered = `${body['access_token'].slice(0, -4)}AAAA`;
    expect((await tokenRequest(idp, { token: tampered }, FRONTEND, '/v1/introspect')).body).toEqual({ active: false });
    const refresh = await tokenRequest(idp, { token: body['refresh_token'] }, FRONTEND, '/v1/introspect');
    expect(refresh.body).toMatchObject({ active: true, client_id: 'fram-frontend', sub: '00u06barbara00000000' });
    const service = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    const noOpenId = await fetch(`${idp.issuer}/v1/userinfo`, { headers: { authorization: `Bearer ${service}` } });
    expect(noOpenId.status).toBe(401);
    const unauthenticated = await tokenRequest(idp, { token: body['access_token'] }, { ...FRONTEND, secret: 'wrong' }, '/v1/introspect');
    expect(unauthenticated.status).toBe(401);
  });

  it('keeps the person signed in: a second authorization needs no password', async () => {
    const browser = new BrowserSession();
    await signIn(browser, idp, { username: 'edsger@example.com' });
    const again = await signIn(browser, idp, { password: 'not used' });
    expect(again.callback.searchParams.get('code')).toEqual(expect.any(String));
    const { body } = await exchangeCode(idp, again);
    expect(jwtClaims(body['access_token'])['sub']).toBe('edsger@example.com');
  });

  it('issues no refresh token without offline_access', async () => {
    const result = await signIn(new BrowserSession(), idp, { scope: 'openid email' });
    const { body } = await exchangeCode(idp, result);
    expect(body['refresh_token']).toBeUndefined();
  });

  it('shows a clear error on a wrong password and lets the person try again', async () => {
    const browser = new BrowserSession();
    const params = new URLSearchParams({
      client_id: 'fram-cli',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'http://127.0.0.1:8765/callback',
      state: 's',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const start = await browser.follow(`${idp.issuer}/v1/authorize?${params.toString()}`);
    const page = await start.response.text();
    expect(page).toContain('<label for="username">Username</label>');
    expect(page).toContain('Sign in to Fram command line');
    const { action } = readForm(page);
    const wrong = await browser.submit(new URL(action, start.url).href, { username: 'ada@example.com', password: 'nope' });
    expect(wrong.response.status).toBe(401);
    const retry = await wrong.response.text();
    expect(retry).toContain('role="alert"');
    expect(retry).toContain('The username or password is incorrect.');
    expect(retry).toContain('value="ada@example.com"');
    const right = await browser.submit(
      new URL(action, start.url).href,
      { username: 'ada@example.com', password: 'fram-demo' },
      'http://127.0.0.1:8765/callback',
    );
    expect(right.url).toMatch(/^http:\/\/127\.0\.0\.1:8765\/callback\?code=/);
  });

  it('sends a person not assigned to the app back with error=access_denied', async () => {
    const result = await signIn(new BrowserSession(), idp, { username: 'ken@example.com' });
    expect(result.callback.searchParams.get('error')).toBe('access_denied');
    expect(result.callback.searchParams.get('error_description')).toBe('User is not assigned to the client application.');
    expect(result.callback.searchParams.get('state')).toBe(result.state);
  });

  it('requires PKCE (S256) where the client requires it, and checks the verifier', async () => {
    const without = await signIn(new BrowserSession(), idp, { pkce: false });
    expect(without.callback.searchParams.get('error')).toBe('invalid_request');

    const result = await signIn(new BrowserSession(), idp);
    const wrong = await exchangeCode(idp, { ...result, verifier: 'x'.repeat(43) });
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toBe('invalid_grant');
  });

  it('refuses a reused authorization code', async () => {
    const result = await signIn(new BrowserSession(), idp);
    expect((await exchangeCode(idp, result)).status).toBe(200);
    const again = await exchangeCode(idp, result);
    expect(again.status).toBe(400);
    expect(again.body['error']).toBe('invalid_grant');
  });

  it('rotates refresh tokens, and refuses the old one', async () => {
    const { body } = await exchangeCode(idp, await signIn(new BrowserSession(), idp));
    const first = body['refresh_token'];
    const refreshed = await tokenRequest(idp, { grant_type: 'refresh_token', refresh_token: first });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).toEqual(expect.any(String));
    expect(refreshed.body['refresh_token']).not.toBe(first);
    expect(jwtClaims(refreshed.body['access_token'])).toMatchObject({ sub: 'ada@example.com', cid: 'fram-frontend' });
    const reused = await tokenRequest(idp, { grant_type: 'refresh_token', refresh_token: first });
    expect(reused.status).toBe(400);
    expect(reused.body['error']).toBe('invalid_grant');
  });

  it('revokes a refresh token', async () => {
    const { body } = await exchangeCode(idp, await signIn(new BrowserSession(), idp));
    const revoke = await fetch(`${idp.issuer}/v1/revoke`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${FRONTEND.clientId}:${FRONTEND.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: body['refresh_token'], token_type_hint: 'refresh_token' }),
    });
    expect(revoke.status).toBe(200);
    const after = await tokenRequest(idp, { grant_type: 'refresh_token', refresh_token: body['refresh_token'] });
    expect(after.body['error']).toBe('invalid_grant');
  });

  it('logs out at the IdP (RP-initiated) to a registered post-logout URI, ending the IdP session', async () => {
    const browser = new BrowserSession();
    const { body } = await exchangeCode(idp, await signIn(browser, idp));
    const params = new URLSearchParams({
      id_token_hint: body['id_token'],
      post_logout_redirect_uri: FRONTEND.postLogoutUri,
      state: 'bye',
    });
    const confirm = await browser.follow(`${idp.issuer}/v1/logout?${params.toString()}`);
    expect(confirm.response.status).toBe(200);
    const { action, fields } = readForm(await confirm.response.text());
    expect(fields['logout']).toBe('yes');
    const done = await browser.submit(new URL(action, confirm.url).href, fields, FRONTEND.postLogoutUri);
    expect(done.url).toBe(`${FRONTEND.postLogoutUri}?state=bye`);

    // The IdP session is gone: signing in again asks for the password.
    const again = new URLSearchParams({
      client_id: FRONTEND.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: FRONTEND.redirectUri,
      state: 's',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const page = await browser.follow(`${idp.issuer}/v1/authorize?${again.toString()}`, {}, FRONTEND.redirectUri);
    expect(page.url).toContain('/interaction/default/');
  });

  it('refuses a post-logout URI that is not registered', async () => {
    const browser = new BrowserSession();
    const { body } = await exchangeCode(idp, await signIn(browser, idp));
    const params = new URLSearchParams({ id_token_hint: body['id_token'], post_logout_redirect_uri: 'https://evil.example/' });
    const response = await browser.request(`${idp.issuer}/v1/logout?${params.toString()}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('post_logout_redirect_uri not registered');
  });
});
