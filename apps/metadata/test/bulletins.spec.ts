import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';

const ORDERS = 'hive://gold.core/orders';
const FEATURE = 'rides/trip_duration/1.2.0';
const DASHBOARD = 'mode_dashboard://prod.executive/company_kpis';

type Json = Record<string, unknown>;

/**
 * Announcements and notices over HTTP, with tokens from dev-idp: admins post and remove them
 * (their HTML made safe, each change in the audit), every reader reads them.
 */
describe('metadata API: announcements and notices', () => {
  let idp: DevIdp;
  let api: RunningApp;
  const tokens: Record<string, string> = {};

  const as = (who: string, path: string, init: RequestInit = {}) =>
    call(`${api.url}${path}`, { ...init, token: tokens[who], headers: { 'content-type': 'application/json', ...init.headers } });
  const post = (who: string, path: string, body: unknown) => as(who, path, { method: 'POST', body: JSON.stringify(body) });
  const del = (who: string, path: string) => as(who, path, { method: 'DELETE' });
  const answer = async (response: ReturnType<typeof as>) => {
    const r = await response;
    return { status: r.status, body: r.json<Json>() };
  };
  const audit = async () => (await as('admin', '/audit?limit=20')).json<{ entries: Json[] }>().entries;

  beforeAll(async () => {
    idp = await startDevIdp();
    api = await startTestApp(
      metadataApp({
        AUTH_ISSUERS: idp.issuer,
        ADMIN_GROUPS: 'Fram Admins',
        WRITE_GROUPS: 'Data Engineers,Analysts',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-bulletins-')),
        OKTA_ORG_URL: idp.origin,
        SEARCH_SYNC: 'off',
      }),
    );
    tokens['admin'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    [tokens['ada'], tokens['edsger'], tokens['frances']] = await Promise.all(
      ['ada@example.com', 'edsger@example.com', 'frances@example.com'].map((u) => idp.userToken(u)),
    );
    const tables = await post('admin', '/ingest/tables', {
      tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }],
    });
    const features = await post('admin', '/ingest/features', {
      features: [{ feature_group: 'rides', name: 'trip_duration', version: '1.2.0' }],
    });
    const dashboards = await post('admin', '/ingest/dashboards', {
      dashboards: [{ product: 'mode', cluster: 'prod', group_name: 'executive', name: 'company_kpis', url: 'https://mode.example.com/k' }],
    });
    expect([tables.status, features.status, dashboards.status]).toEqual([200, 200, 200]);
  });
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  describe('announcements', () => {
    it('are posted by admins (201, with their id), dated today unless given, and read by everyone newest first', async () => {
      expect((await as('frances', '/announcements')).json()).toEqual({ posts: [] });
      const today = () => new Date().toISOString().slice(0, 10);
      const before = today();
      const first = await answer(post('ada', '/announcements', { title: 'Welcome to Fram', html_content: '<p>Find <b>data</b></p>' }));
      expect(first).toEqual({
        status: 201,
        body: { id: expect.any(Number), date: expect.any(String), title: 'Welcome to Fram', html_content: '<p>Find <b>data</b></p>' },
      });
      expect([before, today()]).toContain(first.body['date']);
      const dated = await answer(post('admin', '/announcements', { title: 'Migration', html_content: 'Done.', date: '2020-01-31' }));
      expect(dated.body).toMatchObject({ date: '2020-01-31', title: 'Migration' });
      const list = await answer(as('frances', '/announcements'));
      expect(list).toEqual({ status: 200, body: { posts: [first.body, dated.body] } });
      expect((await as('frances', '/announcements?limit=1')).json()).toEqual({ posts: [first.body] });
      expect((await as('frances', '/announcements?limit=0')).status).toBe(400);
    });

    it('keep only safe HTML: no scripts, no event handlers, no javascript: links', async () => {
      const html =
        '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a> and <a href="https://docs.example.com" target="_blank">docs</a></p>' +
        '<script>alert(document.cookie)</script><img src=x onerror=alert(1)><ul><li>one<li>two</ul>';
      const posted = await answer(post('ada', '/announcements', { title: 'Safe', html_content: html }));
      expect(posted.status).toBe(201);
      const kept = '<p>Read <a>this</a> and <a href="https://docs.example.com">docs</a></p><ul><li>one</li><li>two</li></ul>';
      expect(posted.body['html_content']).toBe(kept);
      const listed = (await as('frances', '/announcements')).json<{ posts: Json[] }>().posts;
      expect(listed.find((p) => p['id'] === posted.body['id'])?.['html_content']).toBe(kept);
    });

    it('are written by admins only, with good input only', async () => {
      const body = { title: 'Mine', html_content: 'x' };
      for (const who of ['edsger', 'frances']) {
        const refused = await post(who, '/announcements', body);
        expect([who, refused.status]).toEqual([who, 403]);
        expect(refused.headers.get('www-authenticate')).toContain('insufficient_scope');
      }
      expect((await call(`${api.url}/announcements`)).status).toBe(401);
      expect((await call(`${api.url}/announcements`, { method: 'POST', body: JSON.stringify(body) })).status).toBe(401);
      const bad = async (input: unknown) => {
        const r = await post('ada', '/announcements', input);
        return { status: r.status, message: r.json<{ message: string }>().message };
      };
      expect(await bad({ html_content: 'x' })).toEqual({ status: 400, message: expect.stringContaining('title is required') });
      expect(await bad({ title: 'T', html_content: 'x', date: '2024-02-30' })).toEqual({
        status: 400,
        message: expect.stringContaining('date must be a calendar date as YYYY-MM-DD'),
      });
      expect(await bad({ title: 'T', html_content: 'x'.repeat(20_001) })).toMatchObject({ status: 400 });
      for (const html of ['<script>alert(1)</script>', '<p> </p><br/><img src=x>', '<style>p{}</style>']) {
        expect([html, await bad({ title: 'Empty', html_content: html })]).toEqual([
          html,
          { status: 400, message: 'html_content has no text left once what is not allowed in it is removed' },
        ]);
      }
      const titles = (await as('frances', '/announcements')).json<{ posts: Json[] }>().posts.map((p) => p['title']);
      expect(titles).not.toContain('Mine');
      expect(titles).not.toContain('Empty');
    });

    it('are removed by admins, each post and removal in the audit', async () => {
      const { body } = await answer(post('ada', '/announcements', { title: 'Short-lived', html_content: 'x' }));
      const path = `/announcements/${String(body['id'])}`;
      expect((await del('edsger', path)).status).toBe(403);
      expect(await answer(del('ada', path))).toEqual({ status: 200, body: { message: `Announcement ${String(body['id'])} removed` } });
      expect(await answer(del('ada', path))).toMatchObject({
        status: 404,
        body: { message: `Announcement ${String(body['id'])} not found` },
      });
      expect((await del('ada', '/announcements/nope')).status).toBe(400);
      const titles = (await as('frances', '/announcements')).json<{ posts: Json[] }>().posts.map((p) => p['title']);
      expect(titles).not.toContain('Short-lived');
      const entries = await audit();
      expect(entries.slice(0, 2)).toEqual([
        expect.objectContaining({ action: 'delete_announcement', actor: 'ada@example.com', resource_key: String(body['id']) }),
        expect.objectContaining({ action: 'post_announcement', actor: 'ada@example.com', resource_key: String(body['id']) }),
      ]);
    });
  });

  describe('notices', () => {
    const notice = { resource_uri: ORDERS, severity: 'warning', message: 'Loaded late <b>today</b>' };

    it('are read per resource as a ResourceNotice, an empty list when there is none', async () => {
      expect(await answer(as('frances', `/notices?key=${encodeURIComponent(ORDERS)}`))).toEqual({
        status: 200,
        body: { resource_uri: ORDERS, notices: [] },
      });
      expect(await answer(as('frances', '/notices?key=hive%3A%2F%2Fnowhere.x%2Fy'))).toEqual({
        status: 200,
        body: { resource_uri: 'hive://nowhere.x/y', notices: [] },
      });
      expect((await as('frances', '/notices')).status).toBe(400);
      expect((await call(`${api.url}/notices?key=x`)).status).toBe(401);
    });

    it('are posted by admins about tables, dashboards or features of the catalog, their HTML made safe', async () => {
      const posted = await answer(
        post('ada', '/notices', {
          ...notice,
          message: 'Loaded late <b onclick="x()">today</b><script>alert(1)</script>',
          payload: { owner: 'ada@example.com', run: '<a href="https://airflow.example.com/run/1" onclick="x()">run 1</a><img src=x>' },
        }),
      );
      expect(posted).toEqual({
        status: 201,
        body: {
          id: expect.any(Number),
          resource_uri: ORDERS,
          severity: 'warning',
          message: 'Loaded late <b>today</b>',
          payload: { owner: 'ada@example.com', run: '<a href="https://airflow.example.com/run/1">run 1</a>' },
        },
      });
      const onFeature = await answer(post('admin', '/notices', { resource_uri: FEATURE, severity: 'info', message: 'Retrained weekly' }));
      expect(onFeature).toMatchObject({ status: 201, body: { resource_uri: FEATURE, severity: 'info', payload: null } });
      const onDashboard = await answer(post('admin', '/notices', { resource_uri: DASHBOARD, severity: 'alert', message: 'Numbers wrong' }));
      expect(onDashboard).toMatchObject({ status: 201, body: { resource_uri: DASHBOARD } });
      const alert = await answer(post('admin', '/notices', { ...notice, severity: 'alert', message: 'Broken' }));
      expect((await as('frances', `/notices?key=${encodeURIComponent(ORDERS)}`)).json()).toEqual({
        resource_uri: ORDERS,
        notices: [posted.body, alert.body],
      });
      expect((await as('frances', `/notices?key=${encodeURIComponent(FEATURE)}`)).json()).toEqual({
        resource_uri: FEATURE,
        notices: [onFeature.body],
      });
      const missing = await answer(post('ada', '/notices', { ...notice, resource_uri: 'hive://gold.core/nope' }));
      expect(missing).toMatchObject({
        status: 404,
        body: { message: 'No table, dashboard or feature hive://gold.core/nope in the catalog' },
      });
    });

    it('are written by admins only, with good input only', async () => {
      for (const who of ['edsger', 'frances']) expect([who, (await post(who, '/notices', notice)).status]).toEqual([who, 403]);
      const bad = async (input: unknown) => {
        const r = await post('ada', '/notices', input);
        return { status: r.status, message: r.json<{ message: string }>().message };
      };
      expect(await bad({ ...notice, severity: 2 })).toEqual({
        status: 400,
        message: expect.stringContaining('severity must be info, warning or alert'),
      });
      expect(await bad({ ...notice, message: '<script>only a script</script>' })).toEqual({
        status: 400,
        message: 'message has no text left once what is not allowed in it is removed',
      });
      expect(await bad({ ...notice, payload: ['x'] })).toMatchObject({ status: 400 });
      expect(await bad({ severity: 'info', message: 'x' })).toEqual({
        status: 400,
        message: expect.stringContaining('resource_uri is required'),
      });
    });

    it('are removed by admins, each post and removal in the audit', async () => {
      const { body } = await answer(post('ada', '/notices', { ...notice, message: 'Soon gone' }));
      const path = `/notices/${String(body['id'])}`;
      expect((await del('frances', path)).status).toBe(403);
      expect(await answer(del('ada', path))).toEqual({ status: 200, body: { message: `Notice ${String(body['id'])} removed` } });
      expect((await del('ada', path)).status).toBe(404);
      const messages = (await as('frances', `/notices?key=${encodeURIComponent(ORDERS)}`)).json<{ notices: Json[] }>().notices;
      expect(messages.map((n) => n['message'])).not.toContain('Soon gone');
      expect((await audit()).slice(0, 2)).toEqual([
        expect.objectContaining({ action: 'delete_notice', resource_type: 'notice', detail: { resource_uri: ORDERS } }),
        expect.objectContaining({ action: 'post_notice', resource_type: 'notice', detail: { resource_uri: ORDERS, severity: 'warning' } }),
      ]);
    });
  });
});
