import { highlightParts } from './highlight';
import { externalHref, featureHref, parseRoute, searchHref, tableHref, tableHrefFromKey } from './routes';

describe('web UI helpers', () => {
  it('splits highlights into text parts, never markup', () => {
    expect(highlightParts('daily <em>orders</em> &lt;script&gt; &amp; more')).toEqual([
      { text: 'daily ', match: false },
      { text: 'orders', match: true },
      { text: ' <script> & more', match: false },
    ]);
    expect(highlightParts('<b>x</b>')).toEqual([{ text: '<b>x</b>', match: false }]);
  });

  it('routes table pages, searches with filters, profiles and dashboards', () => {
    const href = tableHref({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' });
    expect(href).toBe('/table_detail/gold/hive/core/orders');
    expect(parseRoute(href, '')).toEqual({ page: 'table', key: 'hive://gold.core/orders' });
    expect(tableHrefFromKey('hive://gold.core/orders')).toBe(href);
    expect(tableHrefFromKey('not a key')).toBeUndefined();
    const search = new URL(searchHref('ordrs', 'table', 2, { schema: 'core', tag: ' ' }), 'http://x');
    expect(parseRoute(search.pathname, search.search)).toEqual({
      page: 'search',
      term: 'ordrs',
      resource: 'table',
      pageIndex: 2,
      filters: { schema: 'core' },
      sort: 'relevance',
    });
    expect(search.searchParams.has('sort')).toBe(false);
    const sorted = new URL(searchHref('', 'table', 0, {}, 'name'), 'http://x');
    expect(sorted.searchParams.get('sort')).toBe('name');
    expect(parseRoute(sorted.pathname, sorted.search)).toMatchObject({ page: 'search', sort: 'name' });
    expect(parseRoute('/search', '?sort=evil')).toMatchObject({ sort: 'relevance' });
    expect(parseRoute('/search', '?resource=evil&page=-4')).toMatchObject({ resource: 'table', pageIndex: 0 });
    expect(featureHref('customer risk/churn/3')).toBe('/feature/customer%20risk/churn/3');
    expect(parseRoute('/feature/customer%20risk/churn/3', '')).toEqual({ page: 'feature', key: 'customer risk/churn/3' });
    expect(parseRoute('/feature/a/b', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('/browse', '')).toEqual({ page: 'browse' });
    expect(parseRoute('/user/ada%40example.com', '')).toEqual({ page: 'user', userId: 'ada@example.com' });
    expect(parseRoute('/dashboard/mode_dashboard%3A%2F%2Fprod.sales%2Fweekly', '')).toEqual({
      page: 'dashboard',
      uri: 'mode_dashboard://prod.sales/weekly',
    });
    expect(parseRoute('/nope/x', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('/user/%E0%A4%A', '')).toEqual({ page: 'not-found' });
  });

  it('links out only to http(s) URLs from catalog data', () => {
    expect(externalHref('https://mode.example.com/x')).toBe('https://mode.example.com/x');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example', 'not a url', null, undefined])
      expect(externalHref(bad)).toBeUndefined();
  });
});
