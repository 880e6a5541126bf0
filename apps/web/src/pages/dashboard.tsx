import { api, get } from '../api';
import { BookmarkButton } from '../components/bookmark-button';
import { TagEditor } from '../components/editors';
import { Markdown } from '../components/markdown';
import { PeopleList } from '../components/people-list';
import { TableList } from '../components/resource-list';
import { Status } from '../components/status';
import { useLoad } from '../components/use-load';
import { externalHref, searchHref } from '../routes';
import type { DashboardDetail } from '../types';

const when = (seconds: number | null) => (seconds ? new Date(seconds * 1000).toLocaleString() : '—');

/** A dashboard: what it shows, who owns it, its tables, charts and queries. */
export function DashboardPage(props: { uri: string }) {
  const dashboard = useLoad(
    () => get<{ dashboard: DashboardDetail }>(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(props.uri)}`).then((a) => a.dashboard),
    [props.uri],
  );
  const changeTag = async (method: 'PUT' | 'DELETE', tag: string) => {
    await api(method, '/api/metadata/v0/update_dashboard_tags', { key: props.uri, tag });
    dashboard.reload();
  };
  return (
    <Status of={dashboard}>
      {(d) => (
        <article class="detail">
          <p class="breadcrumb">
            {d.product} · {d.cluster} · {d.group_name}
          </p>
          <div class="detail-title">
            <h1 tabIndex={-1}>{d.name}</h1>
            <BookmarkButton type="dashboard" resourceKey={d.uri} />
          </div>
          <div class="detail-layout">
            <div class="detail-main">
              <section>
                <h2>Description</h2>
                {d.description ? <Markdown source={d.description} /> : <p class="muted">No description yet.</p>}
                {externalHref(d.url) && (
                  <p>
                    <a href={externalHref(d.url)} rel="noopener noreferrer" target="_blank">
                      Open in {d.product}
                    </a>
                  </p>
                )}
              </section>
              <section>
                <h2>Tables ({d.tables.length})</h2>
                <TableList tables={d.tables} empty="No tables recorded." />
              </section>
              <section>
                <h2>Charts ({d.chart_names.length})</h2>
                {d.chart_names.length === 0 ? (
                  <p class="muted">No charts recorded.</p>
                ) : (
                  <ul>
                    {d.chart_names.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                )}
              </section>
              {d.queries.length > 0 && (
                <section>
                  <h2>Queries</h2>
                  {d.queries.map((q) => (
                    <details key={q.name}>
                      <summary>{q.name}</summary>
                      <pre>{q.query_text}</pre>
                    </details>
                  ))}
                </section>
              )}
            </div>
            <aside class="detail-side">
              <section>
                <h2>Runs</h2>
                <p>
                  Created {when(d.created_timestamp)}
                  <br />
                  Last successful run {when(d.last_successful_run_timestamp)}
                </p>
              </section>
              <section>
                <h2>Tags</h2>
                <TagEditor
                  tags={d.tags}
                  editable={d.is_editable}
                  searchHref={(tag) => searchHref('', 'dashboard', 0, { tag })}
                  onAdd={(t) => changeTag('PUT', t)}
                  onRemove={(t) => changeTag('DELETE', t)}
                />
              </section>
              <section>
                <h2>Owners</h2>
                <PeopleList people={d.owners.map((user) => ({ user }))} empty="No owners." />
              </section>
            </aside>
          </div>
        </article>
      )}
    </Status>
  );
}
