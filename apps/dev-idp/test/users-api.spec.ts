import { DEV_IDP_USERS_API_TOKEN, startDevIdp, type DevIdp } from '@fram/testing';

interface User {
  id: string;
  status: string;
  profile: Record<string, string>;
  _links: { self: { href: string } };
}

/** Okta's Users API as dev-idp serves it, over HTTP. */
describe('dev-idp: Users API', () => {
  let idp: DevIdp;
  const ssws = { authorization: `SSWS ${DEV_IDP_USERS_API_TOKEN}` };
  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());
  afterEach(() => idp.setFaults({ usersApi429: false }));

  const get = async (path: string, headers: Record<string, string> = ssws) => {
    const response = await fetch(`${idp.origin}${path}`, { headers });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const logins = (body: unknown) => (body as User[]).map((u) => u.profile['login']);

  it('searches with q (starts-with on first name, last name or email)', async () => {
    const { status, body } = await get('/api/v1/users?q=gr&limit=10');
    expect(status).toBe(200);
    expect(logins(body)).toEqual(['grace@example.com']);
    expect(logins((await get('/api/v1/users?q=Hopper')).body)).toEqual(['grace@example.com']);
  });

  it('finds a person by exact email with filter', async () => {
    const { body } = await get(`/api/v1/users?filter=${encodeURIComponent('profile.email eq "alan@example.com"')}`);
    const [alan] = body as User[];
    expect(body).toHaveLength(1);
    expect(alan).toMatchObject({
      id: '00u03alan00000000000',
      status: 'ACTIVE',
      profile: {
        login: 'alan@example.com',
        email: 'alan@example.com',
        firstName: 'Alan',
        lastName: 'Turing',
        displayName: 'Alan Turing',
        title: 'Senior Data Engineer',
        department: 'Data Platform',
        userType: 'Employee',
        managerId: '00u02grace0000000000',
        manager: 'grace@example.com',
      },
      _links: { self: { href: `${idp.origin}/api/v1/users/00u03alan00000000000` } },
    });
  });

  it('answers a bad filter with 400 E0000031', async () => {
    const { status, body } = await get(`/api/v1/users?filter=${encodeURIComponent('profile.salary eq "1"')}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ errorCode: 'E0000031', errorSummary: 'Invalid search criteria.', errorCauses: [] });
  });

  it('pages with limit and a Link rel="next" header until the end', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${idp.origin}/api/v1/users?limit=5`;
    let pages = 0;
    while (next) {
      const response = await fetch(next, { headers: ssws });
      const page = (await response.json()) as User[];
      seen.push(...page.map((u) => u.id));
      pages += 1;
      const link = response.headers.get('link') ?? '';
      expect(link).toContain('rel="self"');
      next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('gets one person by id or by login, and their groups', async () => {
    expect((await get('/api/v1/users/00u01ada000000000000')).body).toMatchObject({ profile: { login: 'ada@example.com' } });
    expect((await get('/api/v1/users/ADA@example.com')).body).toMatchObject({ id: '00u01ada000000000000' });
    const groups = (await get('/api/v1/users/00u01ada000000000000/groups')).body as { profile: { name: string } }[];
    expect(groups.map((g) => g.profile.name)).toEqual(['Everyone', 'Fram Users', 'Fram Admins', 'Data Engineers']);
    const missing = await get('/api/v1/users/nobody@example.com');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: 'E0000007' });
  });

  it('needs an API token (SSWS) or an org-server bearer token with okta.users.read', async () => {
    expect((await get('/api/v1/users', {})).status).toBe(401);
    const bad = await get('/api/v1/users', { authorization: 'SSWS not-a-token' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided' });

    const org = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'okta.users.read', 'org');
    expect((await get('/api/v1/users?q=ada', { authorization: `Bearer ${org}` })).status).toBe(200);

    // A token of the custom server (Fram's API audience) is not for Okta's APIs.
    const custom = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'read:data');
    expect((await get('/api/v1/users', { authorization: `Bearer ${custom}` })).status).toBe(401);
    // An org token without the scope is refused.
    const noScope = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', '', 'org');
    const refused = await get('/api/v1/users', { authorization: `Bearer ${noScope}` });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errorCode: 'E0000006' });
  });

  it('sends the rate-limit headers, and 429 when the fault switch is on', async () => {
    const ok = await get('/api/v1/users?limit=1');
    expect(ok.headers.get('x-rate-limit-limit')).toBe('600');
    expect(Number(ok.headers.get('x-rate-limit-remaining'))).toBeLessThan(600);
    expect(Number(ok.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);

    await idp.setFaults({ usersApi429: true });
    const limited = await get('/api/v1/users?limit=1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.body).toMatchObject({ errorCode: 'E0000047' });
  });
});
