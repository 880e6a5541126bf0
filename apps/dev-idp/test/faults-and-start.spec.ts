import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaultSeed from '../src/seed/default-seed.json';
import { DEV_IDP_ADMIN_TOKEN, DEV_IDP_USERS_API_TOKEN, devIdpScript, runNode, startDevIdp, type DevIdp } from '@fram/testing';

describe('dev-idp: fault switches', () => {
  let idp: DevIdp;
  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());

  const admin = { authorization: `SSWS ${DEV_IDP_ADMIN_TOKEN}`, 'content-type': 'application/json' };

  it('are only for an admin API token', async () => {
    expect((await fetch(`${idp.origin}/admin/faults`)).status).toBe(401);
    expect((await fetch(`${idp.origin}/admin/faults`, { headers: { authorization: `SSWS ${DEV_IDP_USERS_API_TOKEN}` } })).status).toBe(403);
    const response = await fetch(`${idp.origin}/admin/faults`, { headers: admin });
    expect(await response.json()).toEqual({ keys: 'up', keysDelayMs: 3000, usersApi429: false, idTokenIatOffsetSec: 0 });
  });

  it('refuse unknown switches and bad values', async () => {
    const response = await fetch(`${idp.origin}/admin/faults`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ keys: 'sideways' }),
    });
    expect(response.status).toBe(400);
    const unknown = await fetch(`${idp.origin}/admin/faults`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ everything: 'down' }),
    });
    expect(unknown.status).toBe(400);
  });

  it('make the key set unavailable or slow, and reset', async () => {
    await idp.setFaults({ keys: 'down' });
    expect((await fetch(`${idp.issuer}/v1/keys`)).status).toBe(503);
    await idp.setFaults({ keys: 'slow', keysDelayMs: 300 });
    const started = Date.now();
    expect((await fetch(`${idp.issuer}/v1/keys`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const reset = await fetch(`${idp.origin}/admin/faults/reset`, { method: 'POST', headers: admin });
    expect(await reset.json()).toEqual({ keys: 'up', keysDelayMs: 3000, usersApi429: false, idTokenIatOffsetSec: 0 });
  });

  it('rotate the signing key: the new one signs, the old one stays published until withdrawn', async () => {
    const keysNow = async () =>
      ((await (await fetch(`${idp.issuer}/v1/keys`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    const [old] = await keysNow();
    const kid = await idp.rotateKey();
    expect(await keysNow()).toEqual([kid, old]);
    const newest = await idp.rotateKey({ withdrawOld: true });
    expect(await keysNow()).toEqual([newest]);
  });
});

describe('dev-idp: starting', () => {
  it('has no fault switches unless DEV_IDP_FAULTS=on', async () => {
    const idp = await startDevIdp({ DEV_IDP_FAULTS: 'off' });
    try {
      const response = await fetch(`${idp.origin}/admin/faults`, { headers: { authorization: `SSWS ${DEV_IDP_ADMIN_TOKEN}` } });
      expect(response.status).toBe(404);
      expect(idp.process.output()).not.toContain('Fault switches are ON');
    } finally {
      await idp.stop();
    }
  });

  it('says it is for development only and prints the issuer and demo sign-ins', async () => {
    const idp = await startDevIdp({ LOG_LEVEL: 'log' });
    try {
      // The banner is logged once the server listens, so it may still be on its way when the process answers.
      const deadline = Date.now() + 10_000;
      while (!idp.process.output().includes('Demo sign-ins') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const output = idp.process.output();
      expect(output).toContain('dev-idp is for development and tests only');
      expect(output).toContain(`Issuer (Fram's APIs trust it): ${idp.issuer}`);
      expect(output).toContain('ada@example.com (Fram Admins, Data Engineers)');
      // Nothing alarming on a normal start (it once logged an UnknownElementException for MetricsService).
      expect(output).not.toContain('ERROR');
      expect(output).not.toContain('UnknownElementException');
    } finally {
      await idp.stop();
    }
  });

  it('refuses NODE_ENV=production unless told otherwise', async () => {
    const { code, output } = await runNode(devIdpScript(), { NODE_ENV: 'production', PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain('NODE_ENV: dev-idp refuses to start with NODE_ENV=production');
    const allowed = await startDevIdp({ NODE_ENV: 'production', DEV_IDP_ALLOW_PRODUCTION: 'yes' });
    await allowed.stop();
  });

  it('serves the people of the seed file named by DEV_IDP_SEED', async () => {
    const seed = structuredClone(defaultSeed);
    seed.users = seed.users.slice(0, 1);
    const path = join(mkdtempSync(join(tmpdir(), 'seed-')), 'seed.json');
    writeFileSync(path, JSON.stringify(seed));
    const idp = await startDevIdp({ DEV_IDP_SEED: path });
    try {
      const response = await fetch(`${idp.origin}/api/v1/users`, { headers: { authorization: `SSWS ${DEV_IDP_USERS_API_TOKEN}` } });
      expect(((await response.json()) as unknown[]).length).toBe(1);
    } finally {
      await idp.stop();
    }
  });

  it('names a bad variable and stops', async () => {
    const { code, output } = await runNode(devIdpScript(), { DEV_IDP_ORIGIN: 'localhost:5005', PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain('DEV_IDP_ORIGIN: must be scheme, host and port only');
  });
});
