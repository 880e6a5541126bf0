import { useEffect } from 'preact/hooks';
import { get, logEvent } from '../api';
import { BookmarkButton } from '../components/bookmark-button';
import { EditableDescription, OwnerEditor, TagEditor } from '../components/editors';
import { LineageList } from '../components/lineage-list';
import { Link } from '../components/link';
import { metadataChange } from '../components/metadata-change';
import { PeopleList } from '../components/people-list';
import { DashboardList } from '../components/resource-list';
import { Status } from '../components/status';
import { BadgeEditor } from '../components/table/badge-editor';
import { ColumnDetails } from '../components/table/column-details';
import { LineageGraph } from '../components/table/lineage-graph';
import { ProgrammaticDescriptions, ProvenanceSection, WatermarksSection } from '../components/table/table-about';
import { useLoad } from '../components/use-load';
import { searchHref } from '../routes';
import type { Badge, DashboardSummary, Lineage, TableDetail } from '../types';

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
  const editable = table.data?.is_editable === true;
  const allowedBadges = useLoad(
    () => (editable ? get<{ badges: Badge[] }>('/api/metadata/v0/allowed_badges').then((a) => a.badges) : Promise.resolve([] as Badge[])),
    [editable],
  );
  useEffect(() => logEvent('table_page', key, { resource_type: 'table' }), [key]);
  const change = metadataChange(key, table.reload);
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
          <BadgeEditor
            badges={t.badges}
            editable={t.is_editable}
            allowed={allowedBadges.data}
            allowedError={allowedBadges.error}
            onAdd={(b) => change('PUT', 'update_table_badges', { badge_name: b.badge_name, category: b.category })}
            onRemove={(b) => change('DELETE', 'update_table_badges', { badge_name: b.badge_name, category: b.category })}
          />
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
                      {t.columns.map((c) => [
                        <tr key={c.name}>
                          <th scope="row">
                            {c.name}
                            {c.badges.length > 0 && (
                              <ul class="badges column-badges" aria-label={`Badges of column ${c.name}`}>
                                {c.badges.map((b) => (
                                  <li key={b.badge_name} class="badge" title={`Category: ${b.category}`}>
                                    {b.badge_name}
                                  </li>
                                ))}
                              </ul>
                            )}
                          </th>
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
                        </tr>,
                        <tr key={`${c.name}-details`} class="column-details-row">
                          <td colSpan={3}>
                            <ColumnDetails tableKey={t.key} column={c} />
                          </td>
                        </tr>,
                      ])}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="lineage-title">
                <h2 id="lineage-title">Lineage</h2>
                <Status of={lineage}>
                  {(l) => (
                    <>
                      <LineageGraph tableKey={t.key} label={`${t.schema}.${t.name}`} lineage={l} />
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
                    </>
                  )}
                </Status>
              </section>
              <ProgrammaticDescriptions descriptions={t.programmatic_descriptions} />
              <section aria-labelledby="dashboards-title">
                <h2 id="dashboards-title">Dashboards</h2>
                <Status of={dashboards}>{(d) => <DashboardList dashboards={d.dashboards} empty="No dashboard uses this table." />}</Status>
              </section>
            </div>
            <aside class="detail-side">
              <WatermarksSection watermarks={t.watermarks} lastUpdated={t.last_updated_timestamp} />
              <ProvenanceSection source={t.source} writer={t.table_writer} apps={t.table_apps} reports={t.resource_reports} />
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
