import { isIP } from 'node:net';
import { z } from 'zod';
import { commaList, EnvReader, type Env } from '@fram/config';

/** Express's names for address ranges, accepted in TRUST_PROXY's list. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address (IPv4 or IPv6), or one with a CIDR prefix length that fits it. */
function isAddressOrRange(item: string): boolean {
  if (RANGE_NAMES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // A range wider than a /8 (IPv4) or fc00::/7 (IPv6's private range), 0.0.0.0/0 above all, would trust nearly everyone.
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= (family === 4 ? 8 : 7) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which proxies' X-Forwarded-For/-Proto/-Host Express believes
 * (its `trust proxy` setting). Unset: none, so a request is https only when it
 * reached the service over TLS. A hop count (the number of proxies in front)
 * or the proxies' addresses; never "all", which would let any client claim
 * https or another address.
 */
export const trustProxySchema = z
  .string()
  .optional()
  .refine(
    (v) =>
      v === undefined || v.trim() === '' || /^\d{1,2}$/.test(v.trim()) || (commaList(v).length > 0 && commaList(v).every(isAddressOrRange)),
    {
      message:
        'must be a hop count (the number of proxies in front, e.g. 1) or the addresses of the proxies (a comma list of IPs, CIDR ranges of /8 or narrower, or loopback, linklocal, uniquelocal)',
    },
  )
  .transform((v): number | string[] | false => {
    if (v === undefined || v.trim() === '') return false;
    return /^\d+$/.test(v.trim()) ? Number(v.trim()) : commaList(v);
  });

export type TrustProxy = z.output<typeof trustProxySchema>;

/** Reads TRUST_PROXY alone (configureApp; startService validates it with the other process settings first). */
export function readTrustProxy(source: Env): TrustProxy {
  const reader = new EnvReader(source);
  const trustProxy = reader.read({ name: 'TRUST_PROXY', schema: trustProxySchema });
  reader.done();
  return trustProxy;
}
