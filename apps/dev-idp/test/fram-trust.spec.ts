import { Module } from '@nestjs/common';
import { AuthModule, loadAuthConfig } from '@fram/auth';
import { HealthModule, WhoAmIModule } from '@fram/service';
import { BrowserSession, call, jwtHeader, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { CLI, exchangeCode, signIn } from './sign-in.helper';

/**
 * What works against dev-idp works against Okta: a Fram API (libs/auth)
 * trusting dev-idp's custom authorization server, with real sign-ins,
 * client_credentials, key rotation and key-set outages from the fault switches.
 */
describe('a Fram API trusting dev-idp', () => {
  let idp: DevIdp;
  let api: RunningApp;

  beforeAll(async () => {
    idp = await startDevIdp();
    const config = loadAuthConfig({
      AUTH_ISSUERS: idp.issuer,
      ADMIN_GROUPS: 'Fram Admins',
      WRITE_GROUPS: 'Data Engineers,Analysts',
      AUTH_JWKS_REFETCH_COOLDOWN_S: '0',
      AUTH_JWKS_TIMEOUT_MS: '500',
    });
    @Module({ imports: [AuthModule.forRoot({ config }), HealthModule, WhoAmIModule] })
    class ApiModule {}
    api = await startTestApp(ApiModule);
  });
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });
  afterEach(() => idp.setFaults({ keys: 'up' }));

  const whoami = (token: string) => call(`${api.url}/whoami`, { token });

  it("accepts a signed-in person's access token, with roles from their groups", async () => {
    const { body } = await exchangeCode(idp, await signIn(new BrowserSession(), idp, { username: 'ada@example.com' }));
    const response = await whoami(body['access_token']);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'user',
      issuer: idp.issuer,
      subject: 'ada@example.com',
      userId: 'ada@example.com',
      email: 'ada@example.com',
      clientId: 'fram-frontend',
      roles: ['admin', 'write', 'read'],
    });
    const reader = await exchangeCode(idp, await signIn(new BrowserSession(), idp, { username: 'frances@example.com' }));
    expect((await whoami(reader.body['access_token'])).json()).toMatchObject({ userId: 'frances@example.com', roles: ['read'] });
  });

  it("grants a person only their groups' API scopes, and a person's scopes never make them more than their groups", async () => {
    const escalation = 'openid email admin:system write:data read:data';
    const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { scp: string[] };
    // frances (Business Users) asks the public command-line client, then the frontend's client, for admin and write.
    for (const client of [CLI, undefined]) {
      const signedIn = await signIn(new BrowserSession(), idp, {
        username: 'frances@example.com',
        scope: escalation,
        ...(client && { clientId: client.clientId, redirectUri: client.redirectUri }),
      });
      const { status, body } = await exchangeCode(idp, signedIn, client);
      expect(status).toBe(200);
      expect(claims(body['access_token']).scp.sort()).toEqual(['email', 'openid', 'read:data']);
      expect(body['scope'].split(' ').sort()).toEqual(['email', 'openid', 'read:data']);
      expect((await whoami(body['access_token'])).json()).toMatchObject({ userId: 'frances@example.com', roles: ['read'] });
    }
    // ada (Fram Admins) gets what she asks for; a token asked for read:data only cannot write.
    const adaAll = await exchangeCode(idp, await signIn(new BrowserSession(), idp, { username: 'ada@example.com', scope: escalation }));
    expect((await whoami(adaAll.body['access_token'])).json()).toMatchObject({ roles: ['admin', 'write', 'read'] });
    const adaReading = await exchangeCode(
      idp,
      await signIn(new BrowserSession(), idp, { username: 'ada@example.com', scope: 'openid read:data' }),
    );
    expect((await whoami(adaReading.body['access_token'])).json()).toMatchObject({ roles: ['read'] });
  });

  it('refuses the ID token and org-server tokens', async () => {
    const { body } = await exchangeCode(idp, await signIn(new BrowserSession(), idp));
    expect((await whoami(body['id_token'])).status).toBe(401);
    const org = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'okta.users.read', 'org');
    expect((await whoami(org)).status).toBe(401);
  });

  it('accepts client_credentials tokens as service principals', async () => {
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    expect((await whoami(token)).json()).toMatchObject({ kind: 'service', userId: 'fram-scripts', roles: ['admin', 'write', 'read'] });
  });

  it('follows a key rotation, and stops accepting a withdrawn key', async () => {
    const before = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    expect((await whoami(before)).status).toBe(200);
    const kid = await idp.rotateKey();
    const after = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    expect(jwtHeader(after)['kid']).toBe(kid);
    expect((await whoami(after)).status).toBe(200);
    expect((await whoami(before)).status).toBe(200); // still published
    await idp.rotateKey({ withdrawOld: true });
    const newest = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    expect((await whoami(newest)).status).toBe(200); // refetch drops the withdrawn keys
    expect((await whoami(after)).status).toBe(401);
  });

  it('answers 503 when the key set is down and the key is new, and recovers', async () => {
    await idp.setFaults({ keys: 'down' });
    await idp.rotateKey();
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    expect((await whoami(token)).status).toBe(503);
    // With AUTH_JWKS_REFETCH_COOLDOWN_S=0 there is no retry interval to wait for (libs/auth's tests move a clock through it).
    await idp.setFaults({ keys: 'slow', keysDelayMs: 2000 });
    expect((await whoami(token)).status).toBe(503); // timed out after 500 ms
    await idp.setFaults({ keys: 'up' });
    expect((await whoami(token)).status).toBe(200);
  });
});
