import { get } from '../api';
import { BookmarkButton } from '../components/bookmark-button';
import { BadgeList, Facts, RunState, Time } from '../components/dashboard/detail-parts';
import { OwnerEditor, TagEditor } from '../components/editors';
import { ExternalLink } from '../components/external-link';
import { Markdown } from '../components/markdown';
import { metadataChange } from '../components/metadata-change';
import { PeopleList } from '../components/people-list';
import { TableList } from '../components/resource-list';
import { Status } from '../components/status';
import { useLoad } from '../components/use-load';
import { externalHref, searchHref } from '../routes';
import type { DashboardDetail } from '../types';

type Query = DashboardDetail['queries'][number];

/** One of the dashboard's queries: its name (a link to it in the BI tool when there is one) and its text, folded. */
function QueryItem(props: { query: Query; index: number }) {
  const { query, index } = props;
  const name = query.name || `Query ${index + 1}`;
  return (
    <li class="dashboard-query">
      <h3>
        <ExternalLink url={query.url}>{name}</ExternalLink>
      </h3>
      {query.query_text ? (
        <details>
          <summary>
            Query text<span class="visually-hidden"> of {name}</span>
          </summary>
          <pre class="query-text">
            <code>{query.query_text}</code>
          </pre>
        </details>
      ) : (
        <p class="muted small">No query text recorded.</p>
      )}
    </li>
  );
}

/** A dashboard: what it shows, who owns and uses it, its runs, tables, charts and queries. */
export function DashboardPage(props: { uri: string }) {
  const dashboard = useLoad(
    () => get<{ dashboard: DashboardDetail }>(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(props.uri)}`).then((a) => a.dashboard),
    [props.uri],
  );
  const change = metadataChange(props.uri, dashboard.reload);
  return (
    <Status of={dashboard}>
      {(d) => {
        const openHref = externalHref(d.url);
        return (
          <article class="detail dashboard-page">
            <p class="breadcrumb">
              {d.product} · {d.cluster} · <ExternalLink url={d.group_url}>{d.group_name}</ExternalLink>
            </p>
            <div class="detail-title">
              <h1 tabIndex={-1}>{d.name}</h1>
              <BookmarkButton type="dashboard" resourceKey={d.uri} />
            </div>
            <div class="detail-layout">
              <div class="detail-main">
                <section aria-labelledby="description-title">
                  <h2 id="description-title">Description</h2>
                  {d.description ? <Markdown source={d.description} testId="description" /> : <p class="muted">No description yet.</p>}
                  {openHref && (
                    <p>
                      <ExternalLink url={openHref}>Open in {d.product || 'its BI tool'}</ExternalLink>
                    </p>
                  )}
                </section>
                <section aria-labelledby="queries-title">
                  <h2 id="queries-title">Queries ({d.queries.length})</h2>
                  {d.queries.length === 0 ? (
                    <p class="muted">No queries recorded.</p>
                  ) : (
                    <ul class="dashboard-queries">
                      {d.queries.map((q, i) => (
                        <QueryItem key={`${q.name ?? ''}-${i}`} query={q} index={i} />
                      ))}
                    </ul>
                  )}
                </section>
                <section aria-labelledby="charts-title">
                  <h2 id="charts-title">Charts ({d.chart_names.length})</h2>
                  {d.chart_names.length === 0 ? (
                    <p class="muted">No charts recorded.</p>
                  ) : (
                    <ul class="dashboard-charts">
                      {d.chart_names.map((c, i) => (
                        <li key={`${c}-${i}`}>{c}</li>
                      ))}
                    </ul>
                  )}
                </section>
                <section aria-labelledby="tables-title">
                  <h2 id="tables-title">Tables used ({d.tables.length})</h2>
                  <TableList tables={d.tables} empty="No tables recorded." />
                </section>
              </div>
              <aside class="detail-side" aria-label="About this dashboard">
                <section aria-labelledby="activity-title">
                  <h2 id="activity-title">Runs and use</h2>
                  <Facts
                    facts={[
                      [
                        'Last run',
                        d.last_run_timestamp || d.last_run_state ? <RunState state={d.last_run_state} /> : <span class="muted">Never</span>,
                      ],
                      ['Last run at', <Time seconds={d.last_run_timestamp} />],
                      ['Last successful run', <Time seconds={d.last_successful_run_timestamp} />],
                      ['Created', <Time seconds={d.created_timestamp} />],
                      ['Updated', <Time seconds={d.updated_timestamp} />],
                      ['Recent views', <span data-testid="view-count">{d.recent_view_count}</span>],
                    ]}
                  />
                </section>
                <section aria-labelledby="owners-title">
                  <h2 id="owners-title">Owners</h2>
                  <OwnerEditor
                    owners={d.owners}
                    editable={d.is_editable}
                    onAdd={(owner) => change('PUT', 'update_dashboard_owner', { owner })}
                    onRemove={(owner) => change('DELETE', 'update_dashboard_owner', { owner })}
                  />
                </section>
                <section aria-labelledby="users-title">
                  <h2 id="users-title">Frequent users</h2>
                  <PeopleList people={d.frequent_users.map((user) => ({ user }))} empty="No frequent users recorded." />
                </section>
                <section aria-labelledby="tags-title">
                  <h2 id="tags-title">Tags</h2>
                  <TagEditor
                    tags={d.tags}
                    editable={d.is_editable}
                    searchHref={(tag) => searchHref('', 'dashboard', 0, { tag })}
                    onAdd={(tag) => change('PUT', 'update_dashboard_tags', { tag })}
                    onRemove={(tag) => change('DELETE', 'update_dashboard_tags', { tag })}
                  />
                </section>
                <section aria-labelledby="badges-title">
                  <h2 id="badges-title">Badges</h2>
                  <BadgeList badges={d.badges} empty="No badges." />
                </section>
              </aside>
            </div>
          </article>
        );
      }}
    </Status>
  );
}
