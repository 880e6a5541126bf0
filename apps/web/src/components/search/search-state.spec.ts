import { parseRoute, searchHref } from '../../routes';
import { filterableValue, filterValues, names, pageNumbers, requestFilters, updatedText, usageText, withValue } from './search-state';

describe('search results helpers', () => {
  it('reads and changes comma-list filters one value at a time', () => {
    expect(filterValues(' core, ,staging,core ')).toEqual(['core', 'staging']);
    expect(filterValues(undefined)).toEqual([]);
    expect(withValue({ schema: 'core' }, 'schema', 'staging', true)).toEqual({ schema: 'core,staging' });
    expect(withValue({ schema: 'core,staging', tag: 'pii' }, 'schema', 'core', false)).toEqual({ schema: 'staging', tag: 'pii' });
    expect(withValue({ schema: 'core' }, 'schema', 'core', false)).toEqual({});
    expect(withValue({}, 'badges', 'gold', true)).toEqual({ badges: 'gold' });
  });

  it('builds the filters of a search request, each field ORed, and knows which values a filter can hold', () => {
    expect(requestFilters({ schema: 'core,staging', tag: 'pii' })).toEqual({
      schema: { value: 'core,staging', filterOperation: 'OR' },
      tag: { value: 'pii', filterOperation: 'OR' },
    });
    expect(requestFilters({})).toEqual({});
    expect(filterableValue('core')).toBe(true);
    expect(filterableValue('a,b')).toBe(false);
    expect(filterableValue('events_*')).toBe(false);
  });

  it('numbers pages: first, last, the current one and its neighbours, gaps as null', () => {
    expect(pageNumbers(0, 1)).toEqual([0]);
    expect(pageNumbers(0, 3)).toEqual([0, 1, 2]);
    expect(pageNumbers(0, 10)).toEqual([0, 1, null, 9]);
    expect(pageNumbers(5, 10)).toEqual([0, null, 4, 5, 6, null, 9]);
    expect(pageNumbers(9, 10)).toEqual([0, null, 8, 9]);
    expect(pageNumbers(2, 10)).toEqual([0, 1, 2, 3, null, 9]);
    expect(pageNumbers(3, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('says usage and last updated in words', () => {
    expect(usageText(1234)).toBe('1,234 reads');
    expect(usageText(1)).toBe('1 read');
    expect(usageText(0)).toBe('0 reads');
    const now = Date.UTC(2026, 0, 31, 12);
    const at = (secondsAgo: number) => Math.floor(now / 1000) - secondsAgo;
    expect(updatedText(at(60), now)).toBe('within the hour');
    expect(updatedText(at(3 * 3600), now)).toBe('3 hours ago');
    expect(updatedText(at(3600), now)).toBe('1 hour ago');
    expect(updatedText(at(86_400 + 5), now)).toBe('yesterday');
    expect(updatedText(at(5 * 86_400), now)).toBe('5 days ago');
    expect(updatedText(Date.UTC(2025, 5, 1) / 1000, now)).toBe('2025-06-01');
    expect(updatedText(at(-86_400 * 3), now)).toBe('2026-02-03');
  });

  it('reads tag and badge names in any of their shapes', () => {
    expect(names(['a', { tag_name: 'b' }, { badge_name: 'c', category: 'x' }, 3, null])).toEqual(['a', 'b', 'c']);
    expect(names(null)).toEqual([]);
  });

  it('keeps the ML features tab in the URL as resource=feature', () => {
    const href = searchHref('churn', 'feature', 1, { feature_group: 'customer_risk' }, 'name');
    const url = new URL(href, 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual({
      page: 'search',
      term: 'churn',
      resource: 'feature',
      pageIndex: 1,
      filters: { feature_group: 'customer_risk' },
      sort: 'name',
    });
  });
});
