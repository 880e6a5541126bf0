import { signIn, csrfTokenOf, startCatalogStack, uiCall, type CatalogStack } from './stack';

const ORDERS = 'hive://gold.core/orders';
const KPIS = 'mode_dashboard://prod.executive/company_kpis';
const FEATURE = 'customer_activity/orders_90d/1';
const NOBODY = 'nobody-at-all@example.com';
/** Metadata's refusal of a reader's change (not the frontend's CSRF refusal): the frontend passes it on. */
const METADATA_REFUSAL = {
  statusCode: 403,
  code: 'insufficient_scope',
  message: 'This request needs the "write" role or ownership of this resource',
};

interface Owned {
  owners: { user_id: string; display_name?: string }[];
}

/**
 * Owners through the frontend, over the real stack (dev-idp with its Users API, search, metadata with the
 * sample catalog): a new owner must be someone Fram or the identity provider knows, else 422 and nothing
 * changes; dashboards have owner routes of update_table_owner's shape.
 */
describe('frontend: owners are people Fram can resolve', () => {
  let stack: CatalogStack;

  beforeAll(async () => {
    stack = await startCatalogStack();
  }, 90_000);
  afterAll(() => stack?.stop());

  async function session(user: string) {
    const { browser } = await signIn(stack.base, user);
    const csrf = await csrfTokenOf(browser, stack.base);
    return {
      get: (path: string) => uiCall(browser, stack.base, 'GET', path),
      change: (method: string, path: string, body: unknown) => uiCall(browser, stack.base, method, path, body, csrf),
      /** The same call without the page's CSRF token (as a forged cross-site request would be). */
      forged: (method: string, path: string, body: unknown) => uiCall(browser, stack.base, method, path, body),
    };
  }
  type Session = Awaited<ReturnType<typeof session>>;

  const tableOwners = async (s: Session) =>
    (await s.get(`/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`))
      .json<{ tableData: Owned }>()
      .tableData.owners.map((o) => o.user_id);
  const dashboardOwners = async (s: Session) =>
    (await s.get(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(KPIS)}`))
      .json<{ dashboard: Owned }>()
      .dashboard.owners.map((o) => o.user_id);
  const tableBadges = async (s: Session) =>
    (await s.get(`/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`))
      .json<{ tableData: { badges: { badge_name: string; category: string }[] } }>()
      .tableData.badges.map((b) => `${b.category}/${b.badge_name}`)
      .sort();
  const announcementIds = async (s: Session) =>
    (await s.get('/api/announcements/v0/')).json<{ posts: { id: number }[] }>().posts.map((p) => p.id);
  const featureOwners = async (s: Session) =>
    (await s.get(`/api/metadata/v0/feature?key=${encodeURIComponent(FEATURE)}`))
      .json<{ featureData: Owned }>()
      .featureData.owners.map((o) => o.user_id);

  it('refuses an unknown address with 422 and a clear message on tables, dashboards and features, changing nothing', async () => {
    const ada = await session('ada@example.com');
    const before = { table: await tableOwners(ada), dashboard: await dashboardOwners(ada), feature: await featureOwners(ada) };
    const message = `No one with the address ${NOBODY} is known to Fram or the identity provider`;
    for (const [path, key] of [
      ['update_table_owner', ORDERS],
      ['update_dashboard_owner', KPIS],
      ['update_feature_owner', FEATURE],
    ] as const) {
      const refused = await ada.change('PUT', `/api/metadata/v0/${path}`, { key, owner: NOBODY });
      expect({ path, status: refused.status, body: refused.json() }).toEqual({
        path,
        status: 422,
        body: { statusCode: 422, code: 'unknown_person', message },
      });
    }
    expect({ table: await tableOwners(ada), dashboard: await dashboardOwners(ada), feature: await featureOwners(ada) }).toEqual(before);
    // Nor did the refused address become a person.
    expect((await ada.get(`/api/metadata/v0/user?user_id=${encodeURIComponent(NOBODY)}`)).status).toBe(404);
  });

  it('adds and removes dashboard owners (update_dashboard_owner), for editors only', async () => {
    const ada = await session('ada@example.com');
    const frances = await session('frances@example.com');
    const refused = await frances.change('PUT', '/api/metadata/v0/update_dashboard_owner', { key: KPIS, owner: 'frances@example.com' });
    expect({ status: refused.status, body: refused.json() }).toEqual({ status: 403, body: METADATA_REFUSAL });
    expect(await dashboardOwners(ada)).not.toContain('frances@example.com');
    const added = await ada.change('PUT', '/api/metadata/v0/update_dashboard_owner', { key: KPIS, owner: 'Grace@Example.com' });
    expect({ status: added.status, body: added.json() }).toEqual({ status: 200, body: { msg: 'Updated owner' } });
    expect(await dashboardOwners(ada)).toContain('grace@example.com');
    const removed = await ada.change('DELETE', '/api/metadata/v0/update_dashboard_owner', { key: KPIS, owner: 'grace@example.com' });
    expect(removed.status).toBe(200);
    expect(await dashboardOwners(ada)).not.toContain('grace@example.com');
    expect((await ada.change('PUT', '/api/metadata/v0/update_dashboard_owner', { key: KPIS })).status).toBe(400);
  });

  it('adds known people as feature owners, and tells each caller whether they may edit the feature', async () => {
    const ada = await session('ada@example.com');
    const frances = await session('frances@example.com');
    const featurePath = `/api/metadata/v0/feature?key=${encodeURIComponent(FEATURE)}`;
    expect((await ada.get(featurePath)).json()).toMatchObject({ featureData: { key: FEATURE, is_editable: true } });
    expect((await frances.get(featurePath)).json()).toMatchObject({ featureData: { key: FEATURE, is_editable: false } });
    expect((await ada.change('PUT', '/api/metadata/v0/update_feature_owner', { key: FEATURE, owner: 'grace@example.com' })).status).toBe(
      200,
    );
    expect(await featureOwners(ada)).toContain('grace@example.com');
    expect((await ada.change('DELETE', '/api/metadata/v0/update_feature_owner', { key: FEATURE, owner: 'grace@example.com' })).status).toBe(
      200,
    );
    expect(await featureOwners(ada)).not.toContain('grace@example.com');
  });

  it("passes metadata's refusal of a reader's badge change on (403), and the table's badges stay as they were", async () => {
    const ada = await session('ada@example.com');
    const frances = await session('frances@example.com');
    const allowed = (await ada.get('/api/metadata/v0/allowed_badges')).json<{ badges: { badge_name: string; category: string }[] }>()
      .badges;
    const before = await tableBadges(ada);
    const badge = allowed.find((b) => !before.includes(`${b.category}/${b.badge_name}`)) ?? allowed[0];
    for (const method of ['PUT', 'DELETE']) {
      const refused = await frances.change(method, '/api/metadata/v0/update_table_badges', { key: ORDERS, ...badge });
      expect({ method, status: refused.status, body: refused.json() }).toEqual({ method, status: 403, body: METADATA_REFUSAL });
    }
    expect(await tableBadges(ada)).toEqual(before);
  });

  it('refuses the new write routes without the CSRF token (403 csrf_token), changing nothing', async () => {
    const ada = await session('ada@example.com');
    const posted = await ada.change('POST', '/api/announcements/v0/', { title: 'Kept', html_content: '<p>Stays</p>' });
    expect(posted.status).toBe(201);
    const postId = posted.json<{ post: { id: number } }>().post.id;
    const allowed = (await ada.get('/api/metadata/v0/allowed_badges')).json<{ badges: { badge_name: string; category: string }[] }>()
      .badges;
    const snapshot = async () => ({
      announcements: await announcementIds(ada),
      dashboardOwners: await dashboardOwners(ada),
      tableBadges: await tableBadges(ada),
    });
    const before = await snapshot();
    const badge = allowed.find((b) => !before.tableBadges.includes(`${b.category}/${b.badge_name}`)) ?? allowed[0];
    const routes: [method: string, path: string, body: unknown][] = [
      ['POST', '/api/announcements/v0/', { title: 'Forged', html_content: '<p>x</p>' }],
      ['DELETE', `/api/announcements/v0/${postId}`, undefined],
      ['PUT', '/api/metadata/v0/update_dashboard_owner', { key: KPIS, owner: 'grace@example.com' }],
      ['DELETE', '/api/metadata/v0/update_dashboard_owner', { key: KPIS, owner: before.dashboardOwners[0] ?? 'ada@example.com' }],
      ['PUT', '/api/metadata/v0/update_table_badges', { key: ORDERS, ...badge }],
      ['DELETE', '/api/metadata/v0/update_table_badges', { key: ORDERS, ...badge }],
    ];
    for (const [method, path, body] of routes) {
      const refused = await ada.forged(method, path, body);
      expect({ method, path, status: refused.status, body: refused.json() }).toMatchObject({
        method,
        path,
        status: 403,
        body: { statusCode: 403, code: 'csrf_token' },
      });
    }
    expect(await snapshot()).toEqual(before);
    expect((await ada.change('DELETE', `/api/announcements/v0/${postId}`, undefined)).status).toBe(200);
  });
});
