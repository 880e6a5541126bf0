import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/** An operator maps the scope names their IdP already has onto Fram's roles. */
describe('role scopes named by configuration', () => {
  let idp: TestIssuer;
  let server: RunningApp;

  beforeAll(async () => {
    idp = await TestIssuer.start();
    const config = loadAuthConfig({
      AUTH_ISSUERS: idp.issuer,
      ADMIN_SCOPES: 'catalog.admin',
      WRITE_SCOPES: 'catalog.write,catalog:edit',
      READ_SCOPES: 'catalog.read',
      WRITE_GROUPS: 'Data Engineers',
    });
    server = await startTestApp(probeModule(config));
    await server.app.get(KeyStore).keySet(idp.issuer)!.warmUp();
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
  });

  const status = async (path: string, token: string) => (await call(`${server.url}${path}`, { token })).status;

  it('gives a service the roles of the configured names', async () => {
    const writer = idp.serviceToken('0oa-etl', ['catalog:edit']);
    expect(await status('/write', writer)).toBe(200);
    expect(await status('/admin', writer)).toBe(403);
    expect(await status('/admin', idp.serviceToken('0oa-ops', ['catalog.admin']))).toBe(200);
    expect(await status('/read', idp.serviceToken('0oa-bi', ['catalog.read']))).toBe(200);
    expect(await status('/write', idp.serviceToken('0oa-bi', ['catalog.read']))).toBe(403);
  });

  it('no longer honours the default names', async () => {
    const legacy = idp.serviceToken('0oa-old', ['read:data', 'write:data', 'admin:system']);
    expect(await status('/read', legacy)).toBe(403);
    const refused = await call(`${server.url}/write`, { token: idp.serviceToken('0oa-bi', ['catalog.read']) });
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer realm="fram", error="insufficient_scope", scope="catalog.write catalog:edit"',
    );
  });

  it("narrows a person's roles with the configured names too", async () => {
    expect(await status('/write', idp.token({ groups: ['Data Engineers'], scp: ['openid', 'catalog.read'] }))).toBe(403);
    expect(await status('/write', idp.token({ groups: ['Data Engineers'], scp: ['openid', 'read:data'] }))).toBe(200);
    expect(await status('/admin', idp.token({ groups: ['Data Engineers'], scp: ['catalog.admin'] }))).toBe(403);
  });
});
