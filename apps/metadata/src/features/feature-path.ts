import { InvalidInputError, NotFoundError } from '@fram/errors';
import { parseFeatureKey } from '@fram/models';
import { wildcard } from '../common/edit-access';

/**
 * The feature key a route's `*path` matched (`{feature_group}/{name}/{version}`, three path segments;
 * `route` is what follows it in the route, for messages): a 400 when it does not start with a key, a
 * 404 when more follows the key, as no route has that shape.
 */
export function featureKeyIn(path: string | string[], route = ''): string {
  const segments = wildcard(path).split('/');
  const key = segments.slice(0, 3).join('/');
  if (!parseFeatureKey(key)) {
    throw new InvalidInputError(`${key} is not a feature key; feature keys look like {feature_group}/{name}/{version}`);
  }
  if (segments.slice(3).some((s) => s !== '')) throw new NotFoundError(`No such feature route: /feature/${wildcard(path)}${route}`);
  return key;
}
