import { useEffect } from 'preact/hooks';
import { api, get, logEvent } from '../api';
import { BookmarkButton } from '../components/bookmark-button';
import { EditableDescription, OwnerEditor, TagEditor } from '../components/editors';
import { Link } from '../components/link';
import { PeopleList } from '../components/people-list';
import { DashboardList } from '../components/resource-list';
import { Status } from '../components/status';
import { useLoad } from '../components/use-load';
import { searchHref, tableHrefFromKey } from '../routes';
import type { DashboardSummary, Lineage, LineageEntity, TableDetail } from '../types';

function LineageList(props: { entities: LineageEntity[]; empty: string }) {
  if (props.entities.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="resource-list compact">
      {props.entities.map((e) => {
        const href = tableHrefFromKey(e.key);
        const label = e.schema && e.name ? `${e.schema}.${e.name}` : e.key;
        return (
          <li key={e.key}>
            {href ? (
              // Bold as names are in every resource list, so a linked name differs from a plain one without colour.
              <Link href={href} class="resource-name">
                {label}
              </Link>
            ) : (
              label
            )}
            <span class="resource-source">
              {e.database} · level {e.level}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A table: description, columns, tags, owners, frequent users, lineage, dashboards; edits for people who may edit. */
export function TablePage(props: { tableKey: string }) {
  const key = props.tableKey;
  const table = useLoad(
    () => get<{ tableData: TableDetail }>(`/api/metadata/v0/table?key=${encodeURIComponent(key)}`).then((a) => a.tableData),
    [key],
  );
  const lineage = useLoad(
    () => get<Lineage>(`/api/metadata/v0/get_table_lineage?key=${encodeURIComponent(key)}&depth=5&direction=both`),
    [key],
  );
  const dashboards = useLoad(
    () => get<{ dashboards: DashboardSummary[] }>(`/api/metadata/v0/table/${key.split('/').map(encodeURIComponent).join('/')}/dashboards`),
    [key],
  );
  useEffect(() => logEvent('table_page', key, { resource_type: 'table' }), [key]);
  const change = async (method: 'PUT' | 'DELETE', path: string, body: Record<string, string>) => {
    await api(method, `/api/metadata/v0/${path}`, { key, ...body });
    table.reload();
  };
  return (
    <Status of={table}>
      {(t) => (
        <article class="detail">
          <p class="breadcrumb">
            <Link href={searchHref('', 'table', 0, { database: t.database })}>{t.database}</Link> · {t.cluster} ·{' '}
            <Link href={searchHref('', 'table', 0, { schema: t.schema })}>{t.schema}</Link>
          </p>
          <div class="detail-title">
            <h1 tabIndex={-1}>
              {t.schema}.{t.name}
            </h1>
            {t.is_view && <span class="kind-marker">View</span>}
            <BookmarkButton type="table" resourceKey={t.key} />
          </div>
          {t.badges.length > 0 && (
            <ul class="badges">
              {t.badges.map((b) => (
                <li key={b.badge_name} class="badge">
                  {b.badge_name}
                </li>
              ))}
            </ul>
          )}
          <div class="detail-layout">
            <div class="detail-main">
              <section aria-labelledby="description-title">
                <h2 id="description-title">Description</h2>
                <EditableDescription
                  label="Description of the table"
                  value={t.description}
                  editable={t.is_editable}
                  onSave={(description) => change('PUT', 'put_table_description', { description })}
                />
              </section>
              <section aria-labelledby="columns-title">
                <h2 id="columns-title">Columns ({t.columns.length})</h2>
                <div class="table-scroll">
                  <table class="columns">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Type</th>
                        <th scope="col">Description</th>
                      </tr>
                    </thead>
                    <tbody>
                      {t.columns.map((c) => (
                        <tr key={c.name}>
                          <th scope="row">{c.name}</th>
                          <td>
                            <code>{c.col_type}</code>
                          </td>
                          <td>
                            <EditableDescription
                              compact
                              id={`column-${c.name}`}
                              label={`Description of column ${c.name}`}
                              editLabel="Edit"
                              value={c.description}
                              editable={t.is_editable}
                              onSave={(description) => change('PUT', 'put_column_description', { column_name: c.name, description })}
                            />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="lineage-title">
                <h2 id="lineage-title">Lineage</h2>
                <Status of={lineage}>
                  {(l) => (
                    <div class="lineage">
                      <div>
                        <h3>Upstream ({l.upstream_entities.length})</h3>
                        <LineageList entities={l.upstream_entities} empty="No upstream tables." />
                      </div>
                      <div>
                        <h3>Downstream ({l.downstream_entities.length})</h3>
                        <LineageList entities={l.downstream_entities} empty="No downstream tables." />
                      </div>
                    </div>
                  )}
                </Status>
              </section>
              <section aria-labelledby="dashboards-title">
                <h2 id="dashboards-title">Dashboards</h2>
                <Status of={dashboards}>{(d) => <DashboardList dashboards={d.dashboards} empty="No dashboard uses this table." />}</Status>
              </section>
            </div>
            <aside class="detail-side">
              {t.last_updated_timestamp && (
                <section>
                  <h2>Last updated</h2>
                  <p>{new Date(t.last_updated_timestamp * 1000).toLocaleString()}</p>
                </section>
              )}
              <section aria-labelledby="tags-title">
                <h2 id="tags-title">Tags</h2>
                <TagEditor
                  tags={t.tags}
                  editable={t.is_editable}
                  searchHref={(tag) => searchHref('', 'table', 0, { tag })}
                  onAdd={(tag) => change('PUT', 'update_table_tags', { tag })}
                  onRemove={(tag) => change('DELETE', 'update_table_tags', { tag })}
                />
              </section>
              <section aria-labelledby="owners-title">
                <h2 id="owners-title">Owners</h2>
                <OwnerEditor
                  owners={t.owners}
                  editable={t.is_editable}
                  onAdd={(owner) => change('PUT', 'update_table_owner', { owner })}
                  onRemove={(owner) => change('DELETE', 'update_table_owner', { owner })}
                />
              </section>
              <section aria-labelledby="readers-title">
                <h2 id="readers-title">Frequent users</h2>
                <PeopleList
                  people={t.table_readers.slice(0, 8).map((r) => ({ user: r.user, note: `${r.read_count} reads` }))}
                  empty="No reads recorded."
                />
              </section>
            </aside>
          </div>
        </article>
      )}
    </Status>
  );
}
