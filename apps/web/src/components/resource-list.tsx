import { markdownToText } from '../markdown';
import { dashboardHref, tableHref } from '../routes';
import type { DashboardSummary, TableSummary } from '../types';
import { Link } from './link';

/** Tables as links with their descriptions (as one line of text). */
export function TableList(props: { tables: TableSummary[]; empty: string }) {
  if (props.tables.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="resource-list">
      {props.tables.map((t) => (
        <li key={t.key}>
          <Link href={tableHref(t)}>
            <span class="resource-name">
              {t.schema}.{t.name}
            </span>
          </Link>
          <span class="resource-source">{t.database}</span>
          {t.description && <p class="resource-description">{markdownToText(t.description)}</p>}
        </li>
      ))}
    </ul>
  );
}

export function DashboardList(props: { dashboards: DashboardSummary[]; empty: string }) {
  if (props.dashboards.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="resource-list">
      {props.dashboards.map((d) => (
        <li key={d.uri}>
          <Link href={dashboardHref(d.uri)}>
            <span class="resource-name">{d.name}</span>
          </Link>
          <span class="resource-source">
            {d.product} · {d.group_name}
          </span>
          {d.description && <p class="resource-description">{markdownToText(d.description)}</p>}
        </li>
      ))}
    </ul>
  );
}
