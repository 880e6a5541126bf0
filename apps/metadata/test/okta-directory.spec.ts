import { startDevIdp, type DevIdp } from '@fram/testing';
import { OktaUserDirectory } from '../src/directory/okta-user-directory';
import { DirectoryUnavailableError } from '../src/directory/user-directory';

/** The Okta Users API (dev-idp serves it) with a service client's token from the org authorization server. */
describe('OktaUserDirectory with a client_credentials token (dev-idp)', () => {
  let idp: DevIdp;

  beforeAll(async () => {
    idp = await startDevIdp();
  }, 30_000);
  afterAll(() => idp?.stop());

  const directory = (clientSecret: string) =>
    new OktaUserDirectory({
      kind: 'okta',
      orgUrl: idp.origin,
      credentials: { clientId: 'fram-metadata', clientSecret },
      timeoutMs: 3000,
    });

  it('finds a person with an okta.users.read token, and no one who is not there', async () => {
    const users = directory('fram-metadata-dev-secret');
    expect(await users.findByEmail('ada@example.com')).toMatchObject({ email: 'ada@example.com', is_active: true });
    expect(await users.findByEmail('nobody@example.com')).toBeUndefined();
  });

  it('is unavailable (503), not a crash, when the IdP refuses the service client', async () => {
    await expect(directory('wrong-secret').findByEmail('ada@example.com')).rejects.toBeInstanceOf(DirectoryUnavailableError);
  });
});
