import { createPublicKey, type KeyObject } from 'node:crypto';
import { JwksClient } from 'jwks-rsa';
import { fetchBoundedJson } from './bounded-json-fetch';

/**
 * Limits on what an issuer may send (security.md): a real key set holds a few
 * keys in a few KiB; a huge one costs seconds to parse, so it is refused unread.
 * The discovery document has the same byte limit.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_KEY_SET_KEYS = 100;

/** A verification key from an issuer's key set, parsed once. */
export interface VerificationKey {
  kid: string;
  /** The `alg` the key set names for this key, when it names one. */
  alg?: string;
  key: KeyObject;
}

/** Where an issuer's current signing keys come from. */
export interface KeySetSource {
  fetchKeys(): Promise<VerificationKey[]>;
}

/**
 * Fetches an issuer's keys over HTTP: the key-set URL from the issuer's
 * discovery document (remembered once found), then the key set through
 * jwks-rsa. Both documents are read with a byte limit, and a key set with too
 * many keys is refused before jwks-rsa parses any of them. Each key is turned
 * into a KeyObject here, once per fetch, so that no request ever parses a PEM.
 */
export class DiscoveredKeySetSource implements KeySetSource {
  private jwks?: JwksClient;

  constructor(
    private readonly issuer: string,
    private readonly timeoutMs: number,
  ) {}

  async fetchKeys(): Promise<VerificationKey[]> {
    const client = this.jwks ?? (await this.discover());
    const signingKeys = await client.getSigningKeys();
    return signingKeys.map((k) => ({
      kid: k.kid,
      alg: typeof k.alg === 'string' && k.alg !== '' ? k.alg : undefined,
      key: createPublicKey(k.getPublicKey()),
    }));
  }

  private async discover(): Promise<JwksClient> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const document = (await fetchBoundedJson(url, {
      what: 'the discovery document',
      maxBytes: MAX_DOCUMENT_BYTES,
      timeoutMs: this.timeoutMs,
    })) as { issuer?: unknown; jwks_uri?: unknown } | null;
    if (typeof document !== 'object' || document === null) throw new Error('the discovery document is not a JSON object');
    if (document.issuer !== this.issuer) {
      throw new Error(`discovery names issuer ${JSON.stringify(document.issuer)}, not ${this.issuer}`);
    }
    if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//.test(document.jwks_uri)) {
      throw new Error('discovery has no usable jwks_uri');
    }
    this.jwks = new JwksClient({
      jwksUri: document.jwks_uri,
      cache: false, // IssuerKeySet caches parsed keys itself
      rateLimit: false, // IssuerKeySet enforces the refetch cool-down itself
      fetcher: (uri) => this.fetchKeySet(uri),
    });
    return this.jwks;
  }

  /** The key-set document, bounded in bytes and keys; jwks-rsa parses the keys. */
  private async fetchKeySet(uri: string): Promise<{ keys: unknown[] }> {
    const document = (await fetchBoundedJson(uri, {
      what: 'the key set',
      maxBytes: MAX_DOCUMENT_BYTES,
      timeoutMs: this.timeoutMs,
      accept: 'application/jwk-set+json, application/json',
    })) as { keys?: unknown } | null;
    const keys = typeof document === 'object' && document !== null ? document.keys : undefined;
    if (!Array.isArray(keys)) throw new Error('the key set has no "keys" array');
    if (keys.length > MAX_KEY_SET_KEYS) {
      throw new Error(`the key set has ${keys.length} keys, more than ${MAX_KEY_SET_KEYS}; refused without parsing them`);
    }
    return { keys };
  }
}
