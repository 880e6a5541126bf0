import type { GraphValue } from './graph-files';

/* Property values of databuilder's nodes as Fram's records want them. */

/** Text of a property: undefined when absent or empty; numbers and booleans as written. */
export function text(value: GraphValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const written = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
  return written === '' ? undefined : written;
}

/** A whole number from a property (`:UNQUOTED` or digits written as text), else undefined. */
export function integer(value: GraphValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'string' && /^-?\d+(\.0*)?$/.test(value.trim())) {
    const number = Math.trunc(Number(value.trim()));
    return Number.isSafeInteger(number) ? number : undefined;
  }
  return undefined;
}

/** A boolean from a property (`True`, `true`, `1`), else undefined. */
export function bool(value: GraphValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    if (/^(true|1)$/i.test(value)) return true;
    if (/^(false|0)$/i.test(value)) return false;
  }
  return undefined;
}
