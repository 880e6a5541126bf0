import type { Request } from 'express';
import { loadAuthConfig } from '../config/auth-config';
import { KeyStore } from '../keys/key-store';
import { authorizationResponseIssuerProblem } from './authorization-response-issuer';
import { loadOidcClientConfig } from './oidc-client-config';
import { createLoginStrategy } from './oidc-login';

const issuer = 'https://idp.example.com/oauth2/default';

describe('RFC 9207: the iss of an authorization response', () => {
  it('accepts the issuer exactly, and a missing iss only when the issuer does not say it sends one', () => {
    expect(authorizationResponseIssuerProblem({ code: 'c', iss: issuer }, { issuer })).toBeUndefined();
    expect(
      authorizationResponseIssuerProblem({ code: 'c', iss: issuer }, { issuer, authorization_response_iss_parameter_supported: true }),
    ).toBeUndefined();
    expect(authorizationResponseIssuerProblem({ code: 'c' }, { issuer })).toBeUndefined();
    expect(
      authorizationResponseIssuerProblem({ code: 'c' }, { issuer, authorization_response_iss_parameter_supported: false }),
    ).toBeUndefined();
    expect(authorizationResponseIssuerProblem({ code: 'c' }, { issuer, authorization_response_iss_parameter_supported: true })).toMatch(
      /no iss/,
    );
  });

  it('refuses any other iss', () => {
    for (const iss of [
      'https://evil.example',
      `${issuer}/`,
      'https://IDP.example.com/oauth2/default',
      'https://idp.example.com',
      '',
      [issuer],
      [issuer, issuer],
    ]) {
      expect(authorizationResponseIssuerProblem({ code: 'c', iss }, { issuer })).toMatch(/another issuer/);
    }
  });

  describe('in the login strategy', () => {
    const endpoints = { issuer, authorization_endpoint: `${issuer}/v1/authorize`, token_endpoint: `${issuer}/v1/token` };
    /** Runs the strategy on a callback request as passport does; returns how it failed. */
    function callback(query: Record<string, unknown>, supported?: boolean) {
      const strategy = createLoginStrategy(
        loadOidcClientConfig({ OIDC_ISSUER: issuer }),
        { ...endpoints, ...(supported !== undefined && { authorization_response_iss_parameter_supported: supported }) },
        new KeyStore(loadAuthConfig({ AUTH_ISSUERS: issuer })),
        () => undefined,
      );
      const session = { oidcLogins: { pending: { verifier: 'v', returnTo: '/', issued: Date.now() } } };
      const failures: unknown[][] = [];
      const running = Object.assign(Object.create(strategy) as typeof strategy, {
        fail: (...args: unknown[]) => failures.push(args),
        error: (e: unknown) => failures.push(['error', e]),
        success: () => failures.push(['success']),
        redirect: () => failures.push(['redirect']),
      });
      running.authenticate({ query, session } as unknown as Request, {});
      return { failures, session };
    }

    it("refuses another issuer's response before looking at its state, and drops that state", () => {
      const { failures, session } = callback({ code: 'c', state: 'pending', iss: 'https://evil.example' });
      expect(failures).toEqual([[{ message: expect.stringMatching(/another issuer/) }, 400]]);
      expect(session.oidcLogins).toEqual({});
      expect(callback({ error: 'access_denied', state: 'pending', iss: 'https://evil.example' }).failures).toEqual([
        [expect.anything(), 400],
      ]);
      expect(callback({ code: 'c', state: 'pending' }, true).failures).toEqual([[{ message: expect.stringMatching(/no iss/) }, 400]]);
    });

    it('goes on as before without iss when the issuer does not send it (here: to the state check)', () => {
      expect(callback({ code: 'c', state: 'unknown' }).failures).toEqual([
        [{ message: 'Unable to verify authorization request state.' }, 403],
      ]);
      expect(callback({ code: 'c', state: 'unknown', iss: issuer }, true).failures).toEqual([
        [{ message: 'Unable to verify authorization request state.' }, 403],
      ]);
    });
  });
});
