import { TOKEN_REFUSAL_REASONS } from './token-refusals';
import { bearerChallenge, refusalDescription } from './refusal-descriptions';

describe('refusal descriptions', () => {
  it('has one for every reason, each safe in an RFC 6750 quoted-string (printable ASCII, no quote or backslash)', () => {
    const sentences = TOKEN_REFUSAL_REASONS.map(refusalDescription);
    for (const sentence of sentences) expect(sentence).toMatch(/^[\x20\x21\x23-\x5b\x5d-\x7e]{10,120}$/);
    expect(new Set(sentences).size).toBe(TOKEN_REFUSAL_REASONS.length);
  });

  it('challenges a request without credentials with no error code (RFC 6750 section 3.1), any other with invalid_token', () => {
    expect(bearerChallenge('missing')).toBe('Bearer realm="fram"');
    for (const reason of TOKEN_REFUSAL_REASONS.filter((r) => r !== 'missing')) {
      expect(bearerChallenge(reason)).toBe(`Bearer realm="fram", error="invalid_token", error_description="${refusalDescription(reason)}"`);
    }
  });
});
