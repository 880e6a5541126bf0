import { InvalidInputError } from '@fram/errors';
import { DASHBOARD_KEY } from '@fram/models';
import { wildcard } from '../common/edit-access';

/**
 * The dashboard key a route's `*path` matched, unencoded: `{product}_dashboard://{cluster}.{group}/{id}` as
 * databuilder makes them (spaces, dots, `_` in the product, `/` in the group); a 400 when it is not one. What
 * follows the key in the route (`/description`, `/tag/{tag}`) is the route's, not the key's.
 */
export function dashboardKeyIn(path: string | string[]): string {
  const key = wildcard(path).replace(/\/$/, '');
  if (!DASHBOARD_KEY.test(key))
    throw new InvalidInputError(`${key} is not a dashboard key; they look like mode_dashboard://prod.sales/weekly_revenue`);
  return key;
}
