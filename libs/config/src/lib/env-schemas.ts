import { z } from 'zod';
import { commaList } from './env-reader';

/** Schemas for the shapes environment variables come in. */
export const env = {
  /** Optional text with a default. */
  text: (fallback: string) =>
    z
      .string()
      .optional()
      .transform((v) => v ?? fallback),

  /** An optional comma list; undefined when unset (so "unset" and "empty" can differ). */
  optionalList: () =>
    z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : commaList(v))),

  /** A comma list with a default. */
  list: (fallback: readonly string[]) =>
    z
      .string()
      .optional()
      .transform((v) => (v === undefined ? [...fallback] : commaList(v)))
      .refine((items) => items.length > 0, 'must list at least one value, separated by commas'),

  /** OAuth scope names (RFC 6749's scope-token: no spaces, quotes or backslashes), a comma list with a default. */
  scopeList: (fallback: readonly string[]) =>
    env
      .list(fallback)
      .refine(
        (items) => items.every((s) => /^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/.test(s)),
        'must list scope names (no spaces or quotes), separated by commas',
      ),

  /** A whole number within bounds, with a default. */
  integer: (fallback: number, min: number, max: number, unit = '') =>
    z
      .string()
      .optional()
      .transform((v) => (v === undefined ? String(fallback) : v))
      .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
        message: `must be a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}`,
      })
      .transform(Number),

  /** A TCP port, with a default; 0 lets the system pick a free one. */
  port: (fallback: number) => env.integer(fallback, 0, 65535),
};

/** True for an absolute http(s) URL. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
