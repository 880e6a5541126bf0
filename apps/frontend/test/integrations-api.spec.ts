import { join } from 'node:path';
import {
  call,
  freePort,
  startNode,
  workspaceRoot,
  type BrowserSession,
  type DevIdp,
  type NodeProcess,
  type RunningApp,
} from '@fram/testing';
import { csrfTokenOf, devIdpFor, ROLE_GROUPS, signIn, startFrontend, startSignInStack, tempDir, uiCall, type SignInStack } from './stack';

const PREVIEW_MSG = 'A client for the preview feature must be configured';
const ORDERS = 'hive://gold.core/orders';
const NOT_CONFIGURED = (status: number, msg: string) => ({ msg, statusCode: status, message: msg, code: 'not_configured' });

/** Each integration's call as Amundsen's React app makes it, and what Amundsen's frontend answers without the integration's client. */
const CALLS: { method: string; path: string; body?: unknown; status: number; answer: Record<string, unknown> }[] = [
  {
    method: 'POST',
    path: '/api/preview/v0/',
    body: { database: 'hive', schema: 'core', tableName: 'orders', cluster: 'gold' },
    status: 501,
    answer: { previewData: {}, ...NOT_CONFIGURED(501, PREVIEW_MSG) },
  },
  {
    method: 'POST',
    path: '/api/preview/v0/feature_preview',
    body: { feature_group: 'fg', feature_name: 'f', version: '1' },
    status: 501,
    answer: { previewData: {}, ...NOT_CONFIGURED(501, PREVIEW_MSG) },
  },
  {
    method: 'GET',
    path: `/api/dashboard_preview/v0/dashboard/${encodeURIComponent('mode_dashboard://prod.executive/company_kpis')}/preview.jpg`,
    status: 500,
    answer: NOT_CONFIGURED(500, 'Encountered exception: access_token is missing'),
  },
  {
    method: 'GET',
    path: `/api/quality/v0/table/summary?key=${encodeURIComponent('hive://gold.core/orders')}`,
    status: 501,
    answer: { checks: {}, ...NOT_CONFIGURED(501, 'A client for retrieving quality checks must be configured') },
  },
  {
    method: 'GET',
    path: '/api/issue/issues?key=hive://gold.core/orders',
    status: 202,
    answer: { msg: 'Issue tracking is not enabled. Request was accepted but no issue will be returned.' },
  },
  {
    method: 'POST',
    path: '/api/issue/issue',
    body: {
      key: 'hive://gold.core/orders',
      title: 'Duplicates',
      description: 'Some orders twice',
      owner_ids: ['ada@example.com'],
      frequent_user_ids: [],
      priority_level: 'P2',
      project_key: 'DATA',
      resource_path: '/table_detail/gold/hive/core/orders',
    },
    status: 202,
    answer: { msg: 'Issue tracking is not enabled. Request was accepted but no issue will be created.' },
  },
  {
    method: 'POST',
    path: '/api/mail/v0/notification',
    body: {
      notificationType: 'owner_added',
      options: { resource_name: 'core.orders', resource_path: '/table_detail/gold/hive/core/orders' },
      recipients: ['grace@example.com'],
    },
    status: 202,
    answer: { msg: 'Notifications are not enabled. Request was accepted but no notification will be sent.' },
  },
];

/**
 * Amundsen's integrations that Fram has no client for (previews, dashboard
 * previews, data quality, issue tracking, mail):
 * each answers as Amundsen's frontend does when its client is not configured
 * (status and body, with Fram's error fields on errors), and like every
 * API route only to a signed-in session (with its CSRF token for changes) or a bearer token.
 */
describe("frontend: Amundsen's integrations, not configured", () => {
  let stack: SignInStack;
  let browser: BrowserSession;
  let csrf: string;

  beforeAll(async () => {
    stack = await startSignInStack();
    ({ browser } = await signIn(stack.base, 'ada@example.com'));
    csrf = await csrfTokenOf(browser, stack.base);
  }, 60_000);
  afterAll(() => stack?.stop());

  it.each(CALLS)('$method $path answers $status as Amundsen does', async ({ method, path, body, status, answer }) => {
    const answered = await uiCall(browser, stack.base, method, path, body, csrf);
    expect(answered.status).toBe(status);
    expect(answered.json()).toEqual(answer);
  });

  it('answers the same without the trailing slash, and to a script with a bearer token (no CSRF token)', async () => {
    const token = await stack.idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    const preview = await call(`${stack.base}/api/preview/v0`, {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ database: 'hive' }),
    });
    expect(preview.status).toBe(501);
    expect(preview.json()).toMatchObject({ previewData: {}, msg: PREVIEW_MSG });
    expect((await call(`${stack.base}/api/quality/v0/table/summary?key=x`, { token })).status).toBe(501);
  });

  it("answers announcements and notices with a 503 in Amundsen's failure shape while metadata cannot be reached", async () => {
    const unreachable = 'The metadata service is unavailable; try again in a moment';
    const failed = { statusCode: 503, message: unreachable, code: 'dependency_unavailable', msg: unreachable };
    const announcements = await uiCall(browser, stack.base, 'GET', '/api/announcements/v0/');
    expect({ status: announcements.status, body: announcements.json() }).toEqual({ status: 503, body: { posts: [], ...failed } });
    const notices = await uiCall(browser, stack.base, 'GET', `/api/notices/v0/table?resource=table&key=${encodeURIComponent(ORDERS)}`);
    expect({ status: notices.status, body: notices.json() }).toEqual({ status: 503, body: { notices: {}, ...failed } });
    const anonymous = await call(`${stack.base}/api/announcements/v0/`);
    expect(anonymous.status).toBe(401);
  });

  it("refuses callers without a sign-in (401) and session changes without the page's CSRF token (403)", async () => {
    for (const { method, path, body } of CALLS) {
      const anonymous = await call(`${stack.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect([path, anonymous.status]).toEqual([path, 401]);
      if (method === 'POST') expect((await uiCall(browser, stack.base, method, path, body)).status).toBe(403);
    }
  });

  it('takes the feedback form as the app posts it (multipart), and answers that no mail client is configured', async () => {
    const form = new FormData();
    form.set('feedback-type', 'rating');
    form.set('rating', '5');
    form.set('comment', 'Nice');
    const response = await browser.request(`${stack.base}/api/mail/v0/feedback`, {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      body: form,
    });
    expect(response.status).toBe(501);
    const msg = 'Encountered exception: An instance of BaseMailClient client must be configured on MAIL_CLIENT';
    expect(await response.json()).toEqual(NOT_CONFIGURED(501, msg));
  });

  it('refuses what Amundsen refuses: a notification without its type, a dashboard preview path without preview.jpg', async () => {
    const untyped = await uiCall(browser, stack.base, 'POST', '/api/mail/v0/notification', { recipients: ['x@example.com'] }, csrf);
    expect(untyped.status).toBe(400);
    expect(untyped.json()).toMatchObject({ message: expect.stringContaining('notificationType must be provided in the request payload') });
    expect(
      (await uiCall(browser, stack.base, 'GET', '/api/dashboard_preview/v0/dashboard/mode_dashboard%3A%2F%2Fx/image.png')).status,
    ).toBe(404);
  });
});

/**
 * Announcements and notices, which Fram serves from its metadata service (admins post them there):
 * answered as Amundsen's frontend does with an announcement and a notice client, in the shapes its
 * React app reads (the home page's posts; the table page's notices, severity as the number its
 * TableDetailPage maps to info, warning and alert).
 */
describe("frontend: announcements and notices, from metadata, as Amundsen's React app reads them", () => {
  let idp: DevIdp;
  let metadata: NodeProcess;
  let frontend: RunningApp;
  let base: string;
  let browser: BrowserSession;
  let admin: string;

  const toMetadata = async (method: string, path: string, body?: unknown) => {
    const response = await call(`${metadata.url}${path}`, {
      method,
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect([path, response.status]).toEqual([path, method === 'POST' && path !== '/ingest/tables' ? 201 : 200]);
    return response.json<Record<string, unknown>>();
  };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await devIdpFor(base);
    metadata = await startNode(join(workspaceRoot(), 'dist', 'apps', 'metadata', 'main.js'), {
      env: {
        AUTH_ISSUERS: idp.issuer,
        OKTA_ORG_URL: idp.origin,
        DATA_DIR: tempDir('fram-fe-bulletins-'),
        SEARCH_SYNC: 'off',
        LOG_LEVEL: 'warn',
        ...ROLE_GROUPS,
      },
    });
    frontend = await startFrontend(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: base, METADATA_URL: metadata.url, ...ROLE_GROUPS });
    admin = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    await toMetadata('POST', '/ingest/tables', {
      tables: ['orders', 'customers'].map((name) => ({ database: 'hive', cluster: 'gold', schema: 'core', name })),
    });
    ({ browser } = await signIn(base, 'frances@example.com'));
  }, 90_000);
  afterAll(async () => {
    await frontend?.close();
    await metadata?.stop();
    await idp?.stop();
  });

  it("answers the home page's announcements newest first, as Amundsen's posts (date, title, html_content)", async () => {
    const empty = await uiCall(browser, base, 'GET', '/api/announcements/v0/');
    expect({ status: empty.status, body: empty.json() }).toEqual({ status: 200, body: { posts: [], msg: 'Success' } });
    await toMetadata('POST', '/announcements', { title: 'Older', html_content: '<p>First</p>', date: '2024-01-02' });
    await toMetadata('POST', '/announcements', {
      title: 'Welcome',
      html_content: '<p onclick="steal()">See <a href="https://docs.example.com">docs</a></p><script>alert(1)</script>',
      date: '2024-03-04',
    });
    const posts = await uiCall(browser, base, 'GET', '/api/announcements/v0/');
    expect({ status: posts.status, body: posts.json() }).toEqual({
      status: 200,
      body: {
        msg: 'Success',
        posts: [
          {
            id: expect.any(Number),
            date: '2024-03-04',
            title: 'Welcome',
            html_content: '<p>See <a href="https://docs.example.com">docs</a></p>',
          },
          { id: expect.any(Number), date: '2024-01-02', title: 'Older', html_content: '<p>First</p>' },
        ],
      },
    });
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    expect((await call(`${base}/api/announcements/v0`, { token })).status).toBe(200);
  });

  it('posts and removes announcements for admins (metadata decides: a reader is refused 403)', async () => {
    const refused = await uiCall(
      browser,
      base,
      'POST',
      '/api/announcements/v0/',
      { title: 'Mine', html_content: '<p>x</p>' },
      await csrfTokenOf(browser, base),
    );
    // Metadata's refusal (a reader lacks the admin role), passed on; not the frontend's CSRF refusal.
    const adminOnly = { statusCode: 403, code: 'insufficient_scope', message: 'This request needs the "admin" role' };
    expect({ status: refused.status, body: refused.json() }).toEqual({ status: 403, body: adminOnly });
    const asAdmin = (method: string, path: string, body?: unknown) =>
      call(`${base}${path}`, {
        method,
        token: admin,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const posted = await asAdmin('POST', '/api/announcements/v0/', {
      title: 'Maintenance',
      html_content: '<p>Sunday<script>x()</script></p>',
    });
    expect(posted.status).toBe(201);
    const { post } = posted.json<{ post: { id: number; title: string; html_content: string } }>();
    expect(post).toMatchObject({ title: 'Maintenance', html_content: '<p>Sunday</p>' });
    const notRemoved = await uiCall(
      browser,
      base,
      'DELETE',
      `/api/announcements/v0/${post.id}`,
      undefined,
      await csrfTokenOf(browser, base),
    );
    expect({ status: notRemoved.status, body: notRemoved.json() }).toEqual({ status: 403, body: adminOnly });
    const kept = (await uiCall(browser, base, 'GET', '/api/announcements/v0/')).json<{ posts: { id: number }[] }>().posts;
    expect(kept.map((p) => p.id)).toContain(post.id);
    expect((await asAdmin('POST', '/api/announcements/v0/', { title: ' ', html_content: '' })).status).toBe(400);
    expect((await asAdmin('DELETE', `/api/announcements/v0/${post.id}`)).status).toBe(200);
    expect((await asAdmin('DELETE', '/api/announcements/v0/abc')).status).toBe(400);
    const posts = (await uiCall(browser, base, 'GET', '/api/announcements/v0/')).json<{ posts: { id: number }[] }>().posts;
    expect(posts.map((p) => p.id)).not.toContain(post.id);
  });

  it("answers a table's notices, severity as the number the table page maps, the payload when there is one", async () => {
    const path = (key: string) => `/api/notices/v0/table?resource=table&key=${encodeURIComponent(key)}`;
    const none = await uiCall(browser, base, 'GET', path(ORDERS));
    expect({ status: none.status, body: none.json() }).toEqual({ status: 200, body: { notices: [], msg: 'Success' } });
    await toMetadata('POST', '/notices', { resource_uri: ORDERS, severity: 'info', message: 'Being migrated' });
    await toMetadata('POST', '/notices', {
      resource_uri: ORDERS,
      severity: 'warning',
      message: 'Loaded late <b>today</b>',
      payload: { owner: 'ada@example.com' },
    });
    const removed = await toMetadata('POST', '/notices', { resource_uri: ORDERS, severity: 'alert', message: 'Broken' });
    await toMetadata('DELETE', `/notices/${String(removed['id'])}`);
    await toMetadata('POST', '/notices', { resource_uri: 'hive://gold.core/customers', severity: 'alert', message: 'Elsewhere' });
    const notices = await uiCall(browser, base, 'GET', path(ORDERS));
    expect({ status: notices.status, body: notices.json() }).toEqual({
      status: 200,
      body: {
        msg: 'Success',
        notices: [
          { severity: 0, message: 'Being migrated' },
          { severity: 1, message: 'Loaded late <b>today</b>', payload: { owner: 'ada@example.com' } },
        ],
      },
    });
    const alert = await uiCall(browser, base, 'GET', path('hive://gold.core/customers'));
    expect(alert.json()).toEqual({ msg: 'Success', notices: [{ severity: 2, message: 'Elsewhere' }] });
  });

  it("passes metadata's refusal on with its status, in Amundsen's failure shape", async () => {
    const keyless = await uiCall(browser, base, 'GET', '/api/notices/v0/table?resource=table');
    expect({ status: keyless.status, body: keyless.json() }).toEqual({
      status: 400,
      body: {
        notices: {},
        msg: expect.stringContaining('key is required'),
        statusCode: 400,
        message: expect.any(String),
        code: 'bad_request',
      },
    });
    expect((await call(`${base}/api/notices/v0/table?key=${encodeURIComponent(ORDERS)}`)).status).toBe(401);
  });
});
