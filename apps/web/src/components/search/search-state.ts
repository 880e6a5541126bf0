import type { SearchSort } from '@fram/models';
import type { Resource } from '../../types';

/** The facets (filter fields whose values search counts) the results page shows, by resource, with their labels. */
export const FACETS: Record<Resource, { field: string; label: string }[]> = {
  table: [
    { field: 'database', label: 'Source' },
    { field: 'schema', label: 'Schema' },
    { field: 'tag', label: 'Tag' },
    { field: 'badges', label: 'Badge' },
  ],
  dashboard: [
    { field: 'product', label: 'Product' },
    { field: 'group_name', label: 'Group' },
    { field: 'tag', label: 'Tag' },
    { field: 'badges', label: 'Badge' },
  ],
  feature: [
    { field: 'feature_group', label: 'Feature group' },
    { field: 'entity', label: 'Entity' },
    { field: 'status', label: 'Status' },
    { field: 'tag', label: 'Tag' },
    { field: 'badges', label: 'Badge' },
  ],
  user: [{ field: 'team_name', label: 'Team' }],
};

/** Filters typed as text (names), not counted: Amundsen's filter fields, comma lists, * matches anything. */
export const TEXT_FILTERS: Record<Resource, { field: string; label: string }[]> = {
  table: [
    { field: 'table', label: 'Table name' },
    { field: 'column', label: 'Column name' },
  ],
  dashboard: [{ field: 'name', label: 'Dashboard name' }],
  feature: [],
  user: [],
};

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: 'Relevance',
  name: 'Name (A to Z)',
  last_updated: 'Last updated (newest first)',
  usage: 'Usage (most read first)',
};

/** A facet with few values is a group of checkboxes; with more, a text field that suggests them. */
export const MAX_CHECKBOXES = 8;

/** The values of a filter (a comma list), trimmed, without blanks or repeats. */
export function filterValues(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((v) => v.trim()))].filter(Boolean);
}

/** The filters with one value of a field chosen or not (values of a field are ORed); an empty field goes. */
export function withValue(filters: Record<string, string>, field: string, value: string, on: boolean): Record<string, string> {
  const values = filterValues(filters[field]).filter((v) => v !== value);
  if (on) values.push(value);
  const next = { ...filters };
  if (values.length > 0) next[field] = values.join(',');
  else delete next[field];
  return next;
}

/** The filters of a search request (Amundsen's shape): each field's comma list, its values ORed. */
export function requestFilters(filters: Record<string, string>): Record<string, { value: string; filterOperation: 'OR' }> {
  return Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, { value, filterOperation: 'OR' as const }]));
}

/** Whether a value can be a filter value: a filter is a comma list where * matches anything, so not with ',' or '*'. */
export const filterableValue = (value: string) => !/[,*]/.test(value);

/**
 * The page numbers to show (0-based) for `pages` pages around the current one: the first, the last,
 * and the current one with its neighbours; `null` where numbers are left out.
 */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const shown = new Set([0, pages - 1, current - 1, current, current + 1].filter((p) => p >= 0 && p < pages));
  // A gap of one page shows that page rather than an ellipsis.
  for (const p of [1, pages - 2]) if (p >= 0 && p < pages && shown.has(p - 1) && shown.has(p + 1)) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && p > last + 1) out.push(null);
    out.push(p);
  }
  return out;
}

/** How often a table was read, in words: "1,234 reads". */
export function usageText(total: number): string {
  return total === 1 ? '1 read' : `${total.toLocaleString('en')} reads`;
}

const DAY = 86_400;

/** When something was last updated (seconds since 1970), relative to `now` (milliseconds) while recent, else its date. */
export function updatedText(timestamp: number, now: number): string {
  const age = Math.floor(now / 1000) - timestamp;
  const days = Math.floor(age / DAY);
  if (age < 0) return new Date(timestamp * 1000).toISOString().slice(0, 10);
  if (age < 3600) return 'within the hour';
  if (days < 1) {
    const hours = Math.floor(age / 3600);
    return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  }
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** Tag or badge names from a hit: search gives names; Amundsen's shapes give `{tag_name}` or `{badge_name}` objects. */
export function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((v: unknown) => {
      if (typeof v === 'string') return v;
      if (v && typeof v === 'object') {
        const named = v as { tag_name?: unknown; badge_name?: unknown };
        if (typeof named.tag_name === 'string') return named.tag_name;
        if (typeof named.badge_name === 'string') return named.badge_name;
      }
      return '';
    })
    .filter(Boolean);
}
