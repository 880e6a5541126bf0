import { get } from '../api';
import { Announcements } from '../components/announcements/announcements';
import { SearchBox } from '../components/layout';
import { Link } from '../components/link';
import { DashboardList, TableList } from '../components/resource-list';
import { Status } from '../components/status';
import { useLoad } from '../components/use-load';
import { useMe } from '../me';
import { browseHref, searchHref } from '../routes';
import type { DashboardSummary, TableSummary } from '../types';

/** Home: the search box, announcements, popular tables, my bookmarks and the catalog's tags. */
export function HomePage() {
  const { me, bookmarks } = useMe();
  const popular = useLoad(
    () =>
      get<{ results: { table: TableSummary[]; dashboard: DashboardSummary[] } }>(
        '/api/metadata/v0/popular_resources?types=table,dashboard',
      ),
    [],
  );
  const tags = useLoad(() => get<{ tags: { tag_name: string; tag_count: number }[] }>('/api/metadata/v0/tags'), []);
  const lastIndexed = useLoad(() => get<{ timestamp: number | null }>('/api/metadata/v0/get_last_indexed'), []);
  return (
    <div class="home">
      <h1 tabIndex={-1}>{me ? `Welcome, ${me.user.first_name ?? me.user.display_name}` : 'Welcome to Fram'}</h1>
      <SearchBox large />
      <p class="home-browse">
        <Link href={browseHref()}>Browse every table by source and schema</Link>
      </p>
      <Announcements />
      <div class="home-grid">
        <section aria-labelledby="bookmarks-title">
          <h2 id="bookmarks-title">My bookmarks</h2>
          <TableList tables={bookmarks.table} empty="Nothing bookmarked yet: use ☆ Bookmark on a table." />
          {bookmarks.dashboard.length > 0 && <DashboardList dashboards={bookmarks.dashboard} empty="" />}
        </section>
        <section class="popular" aria-labelledby="popular-title">
          <h2 id="popular-title">Popular tables</h2>
          <Status of={popular}>{(data) => <TableList tables={data.results.table} empty="No usage recorded yet." />}</Status>
          <Status of={popular}>
            {(data) =>
              data.results.dashboard.length > 0 && (
                <>
                  <h3>Popular dashboards</h3>
                  <DashboardList dashboards={data.results.dashboard} empty="" />
                </>
              )
            }
          </Status>
        </section>
        <section aria-labelledby="tags-title">
          <h2 id="tags-title">Tags</h2>
          <Status of={tags}>
            {(data) =>
              data.tags.length === 0 ? (
                <p class="muted">No tags yet.</p>
              ) : (
                <ul class="tag-cloud">
                  {data.tags.map((t) => (
                    <li key={t.tag_name}>
                      <Link href={searchHref('', 'table', 0, { tag: t.tag_name })} class="chip">
                        {t.tag_name} <span class="count">{t.tag_count}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )
            }
          </Status>
        </section>
      </div>
      <Status of={lastIndexed}>
        {(data) =>
          data.timestamp !== null && <footer class="muted">Catalog last updated {new Date(data.timestamp * 1000).toLocaleString()}</footer>
        }
      </Status>
    </div>
  );
}
