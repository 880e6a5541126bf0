import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { call, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';

const ORDERS = 'hive://gold.core/orders';
const DASHBOARD = 'mode_dashboard://prod.sales/weekly_revenue';

/** What an attacker tried: other people's addresses, huge or invisible ids, owners nobody knows, broken text. */
describe('metadata input validation', () => {
  let idp: DevIdp;
  let api: RunningApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    idp = await startDevIdp();
    api = await // main.ts's body limit, so that a 1 MiB id reaches the API.
    startTestApp(
      metadataApp({
        AUTH_ISSUERS: idp.issuer,
        ADMIN_GROUPS: 'Fram Admins',
        WRITE_GROUPS: 'Data Engineers,Analysts',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-metadata-input-')),
        OKTA_ORG_URL: idp.origin,
      }),
      { beforeListen: (app) => (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' }) },
    );
    tokens['admin'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    [tokens['edsger'], tokens['frances']] = await Promise.all(['edsger@example.com', 'frances@example.com'].map((u) => idp.userToken(u)));
    const post = (path: string, body: unknown) => as('admin', path, { method: 'POST', body: JSON.stringify(body) });
    expect(
      (
        await post('/ingest/tables', {
          tables: [
            {
              database: 'hive',
              cluster: 'gold',
              schema: 'core',
              name: 'orders',
              columns: [{ name: 'amount', col_type: 'int' }],
              owners: ['ada@example.com'],
            },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('/ingest/dashboards', {
          dashboards: [{ product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly_revenue', owners: ['barbara@example.com'] }],
        })
      ).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  const as = (who: string, path: string, init: RequestInit = {}) =>
    call(`${api.url}${path}`, { ...init, token: tokens[who], headers: { 'content-type': 'application/json', ...init.headers } });
  const putUser = (who: string, user: unknown) => as(who, '/user', { method: 'PUT', body: JSON.stringify(user) });
  const userIds = async () => (await as('admin', '/user')).json<{ user_id: string }[]>().map((u) => u.user_id);

  describe('PUT /user', () => {
    it("lets a person change only their own profile's display fields, never their id or email", async () => {
      const mine = await putUser('frances', {
        first_name: 'Fran',
        last_name: 'Allen',
        team_name: 'Compilers',
        slack_id: 'U42',
        role_name: 'Fellow',
      });
      expect(mine.status).toBe(200); // she is in the catalog already: her profile came from the directory
      expect(mine.json()).toMatchObject({
        user_id: 'frances@example.com',
        email: 'frances@example.com',
        full_name: 'Fran Allen',
        display_name: 'Fran Allen',
        team_name: 'Compilers',
        slack_id: 'U42',
        role_name: 'Fellow',
        employee_type: 'Employee',
      });

      const stolen = await putUser('frances', { user_id: 'frances@example.com', email: 'ada@example.com', first_name: 'Ada' });
      expect(stolen.status).toBe(403);
      expect(stolen.json<{ message: string }>().message).toContain('email');
      expect((await putUser('frances', { user_id: 'frances2@example.com', email: 'frances@example.com' })).status).toBe(403);
      expect((await putUser('frances', { email: 'frances@example.com', is_active: false })).status).toBe(403);
      expect((await putUser('frances', { email: 'frances@example.com', profile_url: 'https://evil.example.com' })).status).toBe(403);
      expect((await as('frances', '/user/frances@example.com')).json()).toMatchObject({
        email: 'frances@example.com',
        full_name: 'Fran Allen',
        is_active: true,
      });

      // Sending back what she read is fine: unchanged fields she may not edit are not edits.
      const profile = (await as('frances', '/user/frances@example.com')).json<Record<string, unknown>>();
      const again = await putUser('frances', { ...profile, user_id: 'FRANCES@example.com', slack_id: 'U43' });
      expect(again.status).toBe(200);
      expect(again.json()).toMatchObject({ user_id: 'frances@example.com', slack_id: 'U43' });

      // Services are not people: only an admin service may write profiles.
      const service = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
      expect(
        (
          await call(`${api.url}/user`, {
            method: 'PUT',
            token: service,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'fram-scripts@example.com' }),
          })
        ).status,
      ).toBe(403);
      // An admin (or ingestion) may set ids and emails.
      expect((await putUser('admin', { user_id: 'ops-bot', email: 'ops@example.com', full_name: 'Ops' })).status).toBe(201);
    });

    it('refuses huge ids and ids, emails and names with control characters or bidi marks, storing nothing', async () => {
      const before = await userIds();
      const huge = await putUser('admin', { user_id: 'a'.repeat(1 << 20), email: 'huge@example.com', full_name: 'Huge' });
      expect(huge.status).toBe(400);
      expect(huge.json<{ message: string }>().message).toBe('"user_id" is longer than 320 characters');
      const bad: Record<string, unknown>[] = [
        { user_id: 'nul\u0000@example.com', email: 'nul@example.com' },
        { user_id: 'crlf@example.com\r\nX-Admin: 1', email: 'crlf@example.com' },
        { email: 'moc.elpmaxe@\u202eevil' },
        { email: 'isolate\u2066@example.com' },
        { email: 'del\u007f@example.com' },
        { email: 'c1\u0085@example.com' },
        { email: 'not-an-address' },
        { email: 'long@example.com', full_name: 'x'.repeat(201) },
        { email: 'rtl@example.com', full_name: 'Mallory \u202eyrollaM' },
        { email: 'surrogate@example.com', last_name: 'Lone \ud800', first_name: 'A' },
        { email: 'js@example.com', full_name: 'JS', profile_url: 'javascript:alert(1)' },
      ];
      for (const user of bad) {
        const response = await putUser('admin', user);
        expect({ user, status: response.status }).toEqual({ user, status: 400 });
        expect(response.json<{ message: string }>().message).toMatch(/^"\w+" (is|contains|must)/);
      }
      // A person's own display fields follow the same rules.
      const rtl = await putUser('frances', { email: 'frances@example.com', first_name: 'Fran\u2067ces' });
      expect(rtl.status).toBe(400);
      expect(rtl.json<{ message: string }>().message).toBe(
        '"first_name" contains a bidirectional override or isolate mark (U+202A-U+202E, U+2066-U+2069)',
      );
      expect(await userIds()).toEqual(before);
    });

    it('applies the same rules to ingested people, owners and readers', async () => {
      const post = (path: string, body: unknown) => as('admin', path, { method: 'POST', body: JSON.stringify(body) });
      const users = await post('/ingest/users', {
        users: [{ email: 'fine@example.com' }, { user_id: 'evil\r\n@example.com', email: 'evil@example.com' }],
      });
      expect(users.status).toBe(400);
      expect(users.json<{ message: string }>().message).toContain('users.1');
      expect(await userIds()).not.toContain('fine@example.com');
      const table = (extra: Record<string, unknown>) =>
        post('/ingest/tables', { tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'evil', ...extra }] });
      expect((await table({ owners: ['x\u0000@example.com'] })).status).toBe(400);
      expect((await table({ owners: [`${'o'.repeat(400)}@example.com`] })).status).toBe(400);
      expect((await table({ tags: ['line\r\nbreak'] })).status).toBe(400);
      expect((await table({ description: 'lone \ud800 surrogate' })).status).toBe(400);
      expect((await table({ columns: [{ name: 'c', col_type: 'int', description: 'lone \udc00' }] })).status).toBe(400);
      expect((await post('/ingest/reads', { reads: [{ user: 'r\u202e@example.com', table_key: ORDERS, read_count: 1 }] })).status).toBe(
        400,
      );
      expect(
        (
          await post('/ingest/dashboards', {
            dashboards: [{ product: 'mode', cluster: 'prod', group_name: 'sales', name: 'evil', tags: ['a\nb'] }],
          })
        ).status,
      ).toBe(400);
      expect((await as('admin', '/table/hive://gold.core/evil')).status).toBe(404);
    });
  });

  describe('owners', () => {
    it('are people Fram can resolve: an unknown address is a 404 naming it, and nothing is added', async () => {
      const unknown = await as('edsger', `/table/${ORDERS}/owner/nobody@example.com`, { method: 'PUT' });
      expect(unknown.status).toBe(404);
      expect(unknown.json<{ message: string }>().message).toContain('nobody@example.com');
      const viaUser = await as('edsger', `/user/nobody@example.com/own/table/${ORDERS}`, { method: 'PUT' });
      expect(viaUser.status).toBe(404);
      expect(viaUser.json<{ message: string }>().message).toContain('nobody@example.com');
      expect((await as('edsger', `/table/${ORDERS}/owner/${encodeURIComponent('x\r\ny@example.com')}`, { method: 'PUT' })).status).toBe(
        400,
      );
      const owners = (await as('edsger', `/table/${ORDERS}`)).json<{ owners: { user_id: string }[] }>().owners;
      expect(owners.map((o) => o.user_id)).toEqual(['ada@example.com']);
      // Someone in the directory becomes an owner (and a person in the catalog), by their id.
      expect((await as('edsger', `/table/${ORDERS}/owner/Grace@Example.com`, { method: 'PUT' })).status).toBe(200);
      const after = (await as('edsger', `/table/${ORDERS}`)).json<{ owners: { user_id: string; full_name: string }[] }>().owners;
      expect(after).toEqual([
        expect.objectContaining({ user_id: 'ada@example.com' }),
        expect.objectContaining({ user_id: 'grace@example.com', full_name: 'Grace Hopper' }),
      ]);
      // Removing works for any id, so a stray owner can always be cleaned up.
      expect((await as('edsger', `/table/${ORDERS}/owner/grace@example.com`, { method: 'DELETE' })).status).toBe(200);
    });
  });

  describe('tags', () => {
    it('refuse line breaks and other control characters, in the name and the type', async () => {
      for (const path of [
        `/table/${ORDERS}/tag/a%0D%0Ab`,
        `/table/${ORDERS}/tag/a%00b`,
        `/table/${ORDERS}/tag/ok?tag_type=x%0D%0Ay`,
        `/dashboard/${DASHBOARD}/tag/a%0Ab`,
        `/dashboard/${DASHBOARD}/tag/ok?tag_type=%1B`,
      ]) {
        const response = await as('edsger', path, { method: 'PUT' });
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
      }
      expect((await as('edsger', '/tags/')).json()).toEqual({ tag_usages: [] });
    });
  });

  describe('descriptions', () => {
    it('refuse a lone surrogate (invalid Unicode) on tables, columns and dashboards, storing nothing', async () => {
      const lone = '{"description": "half an emoji \\ud83d here"}';
      for (const path of [
        `/table/${ORDERS}/description`,
        `/table/${ORDERS}/column/amount/description`,
        `/dashboard/${DASHBOARD}/description`,
      ]) {
        const response = await as('edsger', path, { method: 'PUT', body: lone });
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.json<{ message: string }>().message).toContain('lone surrogate');
        expect((await as('edsger', path)).json()).toEqual({ description: null });
      }
      // A whole emoji, line breaks and tabs are fine.
      const ok = await as('edsger', `/table/${ORDERS}/description`, {
        method: 'PUT',
        body: '{"description": "Orders \\ud83d\\ude00\\n\\tper day"}',
      });
      expect(ok.status).toBe(200);
    });
  });
});
