import { useState } from 'preact/hooks';
import { parseTableKey } from '@fram/models';
import { get } from '../../api';
import { tableHrefFromKey } from '../../routes';
import type { Lineage, LineageEntity } from '../../types';
import { Link } from '../link';
import { Markdown } from '../markdown';
import { Status } from '../status';
import { useLoad } from '../use-load';
import { statsByPeriod, type StatLike } from './table-facts';

/** A nested column type as the table answer gives it (Amundsen's TypeMetadata). */
export interface TypeNode {
  kind?: string;
  name?: string;
  key?: string;
  data_type?: string;
  description?: string | null;
  children?: TypeNode[];
}

/** A column's nested type as a tree: each level's kind, name, type and description; levels with children fold. */
export function TypeTree(props: { node: TypeNode; root?: boolean }) {
  const n = props.node;
  const children = n.children ?? [];
  const head = (
    <>
      <span class="type-name">{n.name}</span> <code>{n.data_type}</code> <span class="type-kind">({n.kind})</span>
    </>
  );
  const body = n.description ? <Markdown source={n.description} /> : null;
  const list = children.length > 0 && (
    <ul class="type-tree">
      {children.map((c) => (
        <li key={c.key ?? c.name}>
          <TypeTree node={c} />
        </li>
      ))}
    </ul>
  );
  if (props.root) {
    return (
      <div class="type-root">
        <p class="type-line">{head}</p>
        {body}
        {list}
      </div>
    );
  }
  if (children.length === 0)
    return (
      <div class="type-leaf">
        <p class="type-line">{head}</p>
        {body}
      </div>
    );
  return (
    <details class="type-branch" open>
      <summary>{head}</summary>
      {body}
      {list}
    </details>
  );
}

function StatsList(props: { stats: StatLike[] }) {
  return (
    <>
      {statsByPeriod(props.stats).map((group) => (
        <div key={group.period ?? 'none'} class="column-stats">
          <p class="small muted">{group.period ? `Period: ${group.period}` : 'Period not recorded'}</p>
          <dl>
            {group.stats.map((s) => (
              <div key={s.stat_type}>
                <dt>{s.stat_type}</dt>
                <dd>{s.stat_val ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

/** A column key (`{table key}/{column}`) split into its table's page and a label. */
function ColumnLink(props: { entity: LineageEntity }) {
  const key = props.entity.key;
  const cut = key.lastIndexOf('/');
  const tableKey = cut > 0 ? key.slice(0, cut) : key;
  const column = cut > 0 ? key.slice(cut + 1) : key;
  const parts = parseTableKey(tableKey);
  const table = parts ? `${parts.schema}.${parts.name}` : tableKey;
  const href = tableHrefFromKey(tableKey);
  const label = `${table}.${column}`;
  return (
    <li>
      {href ? (
        <Link href={href} class="resource-name">
          {label}
        </Link>
      ) : (
        label
      )}{' '}
      <span class="resource-source">level {props.entity.level}</span>
    </li>
  );
}

function ColumnLineage(props: { tableKey: string; column: string }) {
  const loaded = useLoad(
    () =>
      get<Lineage>(
        `/api/metadata/v0/get_column_lineage?key=${encodeURIComponent(props.tableKey)}&column_name=${encodeURIComponent(props.column)}&depth=1&direction=both`,
      ),
    [props.tableKey, props.column],
  );
  return <Status of={loaded}>{(lineage) => <ColumnLineageLists lineage={lineage} />}</Status>;
}

function ColumnLineageLists(props: { lineage: Lineage }) {
  const { upstream_entities: up, downstream_entities: down } = props.lineage;
  if (up.length === 0 && down.length === 0) return <p class="muted small">No column lineage recorded.</p>;
  return (
    <div class="column-lineage">
      <div>
        <h4>Upstream columns ({up.length})</h4>
        {up.length > 0 ? (
          <ul class="resource-list compact">
            {up.map((e) => (
              <ColumnLink key={e.key} entity={e} />
            ))}
          </ul>
        ) : (
          <p class="muted small">None.</p>
        )}
      </div>
      <div>
        <h4>Downstream columns ({down.length})</h4>
        {down.length > 0 ? (
          <ul class="resource-list compact">
            {down.map((e) => (
              <ColumnLink key={e.key} entity={e} />
            ))}
          </ul>
        ) : (
          <p class="muted small">None.</p>
        )}
      </div>
    </div>
  );
}

/** What a column's details hold, in words for its summary, e.g. "2 stats · nested type · lineage". */
export function detailsSummary(column: { stats?: unknown[]; type_metadata?: unknown }): string {
  const parts: string[] = [];
  const stats = column.stats?.length ?? 0;
  if (stats > 0) parts.push(`${stats} stat${stats === 1 ? '' : 's'}`);
  if (column.type_metadata) parts.push('nested type');
  parts.push('lineage');
  return parts.join(' · ');
}

/**
 * A column's details, folded under its row: stats with their period, its nested type as a tree,
 * and its upstream and downstream columns (asked for when first opened).
 */
export function ColumnDetails(props: { tableKey: string; column: { name: string; stats?: StatLike[]; type_metadata?: TypeNode | null } }) {
  const [open, setOpen] = useState(false);
  const c = props.column;
  const stats = c.stats ?? [];
  return (
    <details class="column-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Details of {c.name} <span class="muted small">({detailsSummary(c)})</span>
      </summary>
      <div class="column-details-body">
        {stats.length > 0 && (
          <section aria-label={`Stats of ${c.name}`}>
            <h3>Stats</h3>
            <StatsList stats={stats} />
          </section>
        )}
        {c.type_metadata && (
          <section aria-label={`Nested type of ${c.name}`}>
            <h3>Nested type</h3>
            <TypeTree node={c.type_metadata} root />
          </section>
        )}
        <section aria-label={`Lineage of ${c.name}`}>
          <h3>Column lineage</h3>
          {open ? <ColumnLineage tableKey={props.tableKey} column={c.name} /> : null}
        </section>
      </div>
    </details>
  );
}
