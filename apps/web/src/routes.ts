import { parseTableKey, SEARCH_SORTS, type SearchSort } from '@fram/models';
import type { Resource } from './types';

/** The UI's pages (Amundsen's routes). */
export type Route =
  | { page: 'home' }
  | { page: 'search'; term: string; resource: Resource; pageIndex: number; filters: Record<string, string>; sort: SearchSort }
  | { page: 'table'; key: string }
  | { page: 'dashboard'; uri: string }
  | { page: 'feature'; key: string }
  | { page: 'browse' }
  | { page: 'user'; userId: string }
  | { page: 'not-found' };

const RESOURCES: readonly Resource[] = ['table', 'user', 'dashboard', 'feature'];
const FILTER_PREFIX = 'f.';

const segment = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(segment);
  if (parts.some((p) => p === undefined)) return { page: 'not-found' };
  const [first, ...rest] = parts as string[];
  if (first === undefined) return { page: 'home' };
  if (first === 'search' && rest.length === 0) {
    const params = new URLSearchParams(search);
    const resource = params.get('resource') as Resource | null;
    const filters: Record<string, string> = {};
    for (const [name, value] of params) if (name.startsWith(FILTER_PREFIX) && value) filters[name.slice(FILTER_PREFIX.length)] = value;
    const sort = params.get('sort') as SearchSort | null;
    return {
      page: 'search',
      term: params.get('term') ?? '',
      resource: resource && RESOURCES.includes(resource) ? resource : 'table',
      pageIndex: Math.max(0, Math.min(999, Number.parseInt(params.get('page') ?? '0', 10) || 0)),
      filters,
      sort: sort && SEARCH_SORTS.includes(sort) ? sort : 'relevance',
    };
  }
  if (first === 'table_detail' && rest.length === 4) {
    const [cluster, database, schema, table] = rest as [string, string, string, string];
    return { page: 'table', key: `${database}://${cluster}.${schema}/${table}` };
  }
  if (first === 'feature' && rest.length === 3) return { page: 'feature', key: rest.join('/') };
  if (first === 'browse' && rest.length === 0) return { page: 'browse' };
  if (first === 'dashboard' && rest.length === 1) return { page: 'dashboard', uri: rest[0] };
  if (first === 'user' && rest.length === 1) return { page: 'user', userId: rest[0] };
  return { page: 'not-found' };
}

const enc = encodeURIComponent;

export function tableHref(t: { database: string; cluster: string; schema: string; name: string }): string {
  return `/table_detail/${enc(t.cluster)}/${enc(t.database)}/${enc(t.schema)}/${enc(t.name)}`;
}

/** A table page from a key `{db}://{cluster}.{schema}/{name}` (undefined for other keys). */
export function tableHrefFromKey(key: string): string | undefined {
  const parts = parseTableKey(key);
  return parts ? tableHref(parts) : undefined;
}

export const dashboardHref = (uri: string) => `/dashboard/${enc(uri)}`;
/** An ML feature's page from its key `{feature_group}/{name}/{version}` (Amundsen's route). */
export const featureHref = (key: string) => `/feature/${key.split('/').map(enc).join('/')}`;
export const browseHref = () => '/browse';
export const userHref = (userId: string) => `/user/${enc(userId)}`;

export function searchHref(
  term: string,
  resource: Resource = 'table',
  pageIndex = 0,
  filters: Record<string, string> = {},
  sort: SearchSort = 'relevance',
): string {
  const params = new URLSearchParams();
  params.set('term', term);
  params.set('resource', resource);
  if (pageIndex > 0) params.set('page', String(pageIndex));
  for (const [name, value] of Object.entries(filters)) if (value.trim()) params.set(FILTER_PREFIX + name, value.trim());
  if (sort !== 'relevance') params.set('sort', sort);
  return `/search?${params.toString()}`;
}

/** An outside link from catalog data, only if it is http(s): never javascript: or data: URLs. */
export function externalHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
