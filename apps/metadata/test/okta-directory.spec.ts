import { Logger } from '@nestjs/common';
import { freePort, startDevIdp, type DevIdp } from '@fram/testing';
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
      credentials: { clientId: 'fram-metadata', clientSecret, authMethod: 'client_secret_basic' },
      timeoutMs: 3000,
    });

  it('finds a person with an okta.users.read token, and no one who is not there', async () => {
    const users = directory('fram-metadata-dev-secret');
    expect(await users.findByEmail('ada@example.com')).toMatchObject({ email: 'ada@example.com', is_active: true });
    expect(await users.findByEmail('nobody@example.com')).toBeUndefined();
  });

  it('is unavailable (503), not a crash, when the IdP refuses the service client; the log says the token endpoint refused it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await expect(directory('not-the-secret-77e1').findByEmail('ada@example.com')).rejects.toBeInstanceOf(DirectoryUnavailableError);
      const logged = warn.mock.calls.map(([message]) => String(message));
      expect(logged).toEqual([
        expect.stringMatching(
          /^Users API at http:\/\/127\.0\.0\.1:\d+: not called: no token for SERVICE_CLIENT_ID fram-metadata \(scope okta\.users\.read\): the token endpoint refused it \(invalid_client: [^)]+\)$/,
        ),
      ]);
      expect(logged.join('\n')).not.toContain('not-the-secret-77e1');
    } finally {
      warn.mockRestore();
    }
  });

  it('says the token endpoint cannot be reached when it does not answer', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const closed = `http://127.0.0.1:${await freePort()}`;
      const unreachable = new OktaUserDirectory({
        kind: 'okta',
        orgUrl: closed,
        credentials: { clientId: 'fram-metadata', clientSecret: 'fram-metadata-dev-secret', authMethod: 'client_secret_basic' },
        timeoutMs: 3000,
      });
      await expect(unreachable.findByEmail('ada@example.com')).rejects.toBeInstanceOf(DirectoryUnavailableError);
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining(
          `Users API at ${closed}: not called: no token for SERVICE_CLIENT_ID fram-metadata (scope okta.users.read): the token endpoint cannot be reached (`,
        ),
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
