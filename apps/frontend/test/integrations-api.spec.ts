import { call, type BrowserSession } from '@fram/testing';
import { csrfTokenOf, signIn, startSignInStack, uiCall, type SignInStack } from './stack';

const PREVIEW_MSG = 'A client for the preview feature must be configured';
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
    path: `/api/notices/v0/table?resource=table&key=${encodeURIComponent('hive://gold.core/orders')}`,
    status: 501,
    answer: { notices: {}, ...NOT_CONFIGURED(501, 'A client for retrieving resource notices must be configured') },
  },
  {
    method: 'GET',
    path: '/api/announcements/v0/',
    status: 501,
    answer: { posts: [], ...NOT_CONFIGURED(501, 'A client for retrieving announcements must be configured') },
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
 * previews, data quality, notices, announcements, issue tracking, mail):
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
    expect((await call(`${stack.base}/api/announcements/v0`, { token })).status).toBe(501);
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
