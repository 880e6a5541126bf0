import { InvalidInputError } from '@fram/errors';
import { parseTableKey } from '@fram/models';

/**
 * Amundsen's table routes carry the key unencoded — `/table/hive://gold.core/orders/column/id/description` —
 * so the key (`{db}://{cluster}.{schema}/{table}`, four path segments) is split from what follows.
 */
export interface TablePath {
  key: string;
  rest: string[];
}

export function parseTablePath(path: string): TablePath {
  const segments = path.split('/');
  const key = segments.slice(0, 4).join('/');
  if (!parseTableKey(key)) throw new InvalidInputError(`${key} is not a table key; table keys look like hive://gold.core/orders`);
  return { key, rest: segments.slice(4).filter((s, i, all) => s !== '' || i < all.length - 1) };
}
