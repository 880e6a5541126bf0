import { InvalidInputError, NotFoundError } from '@fram/errors';
import { parseTableKey } from '@fram/models';
import { wildcard } from '../common/edit-access';

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

/**
 * The table key a route's `*path` matched (`route` is what follows it in the
 * route, for messages): a 400 when it does not start with a key, a 404 when
 * more follows the key, as no route has that shape.
 */
export function tableKeyIn(path: string | string[], route = ''): string {
  const { key, rest } = parseTablePath(wildcard(path));
  if (rest.length > 0) throw new NotFoundError(`No such table route: /table/${wildcard(path)}${route}`);
  return key;
}
