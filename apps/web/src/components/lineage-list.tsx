import { featureHref, tableHrefFromKey } from '../routes';
import { Link } from './link';

/** One entity of a lineage (a table's or a feature's): a table (its key split into parts) or a feature. */
export interface LineageListEntity {
  key: string;
  level: number;
  database?: string;
  schema?: string;
  name?: string;
}

/** A feature key is `{group}/{name}/{version}`: three parts and no scheme (table keys have `://`). */
const isFeatureKey = (key: string) => !key.includes('://') && key.split('/').length === 3;

/** Where an entity's page is, its name, and what it is (shown beside the name). */
function describe(e: LineageListEntity): { href?: string; label: string; source: string } {
  const level = `level ${e.level}`;
  const tableHref = tableHrefFromKey(e.key);
  if (tableHref)
    return { href: tableHref, label: e.schema && e.name ? `${e.schema}.${e.name}` : e.key, source: `${e.database ?? 'table'} · ${level}` };
  if (isFeatureKey(e.key)) {
    const [group, name, version] = e.key.split('/');
    return { href: featureHref(e.key), label: `${group}/${name}`, source: `feature · version ${version} · ${level}` };
  }
  return { label: e.key, source: level };
}

/** Upstream or downstream entities as a list of links to their pages, each with its distance (level). */
export function LineageList(props: { entities: LineageListEntity[]; empty: string }) {
  if (props.entities.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="resource-list compact">
      {props.entities.map((e) => {
        const { href, label, source } = describe(e);
        return (
          <li key={e.key}>
            {href ? (
              // Bold as names are in every resource list, so a linked name differs from a plain one without colour.
              <Link href={href} class="resource-name">
                {label}
              </Link>
            ) : (
              <span class="resource-name">{label}</span>
            )}
            <span class="resource-source">{source}</span>
          </li>
        );
      })}
    </ul>
  );
}
