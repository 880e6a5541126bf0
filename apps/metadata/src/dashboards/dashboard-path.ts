import { InvalidInputError, NotFoundError } from '@fram/errors';
import { DASHBOARD_KEY } from '@fram/models';
import { wildcard } from '../common/edit-access';

/**
 * The dashboard key a route's `*path` matched (`{product}_dashboard://{cluster}.{group}/{name}`, four path
 * segments; `route` is what follows it in the route, for messages): a 400 when it does not start with a key,
 * a 404 when more follows the key, as no route has that shape.
 */
export function dashboardKeyIn(path: string | string[], route = ''): string {
  const segments = wildcard(path).split('/');
  const key = segments.slice(0, 4).join('/');
  if (!DASHBOARD_KEY.test(key))
    throw new InvalidInputError(`${key} is not a dashboard key; they look like mode_dashboard://prod.sales/weekly_revenue`);
  if (segments.slice(4).some((s) => s !== '')) throw new NotFoundError(`No such dashboard route: /dashboard/${wildcard(path)}${route}`);
  return key;
}
