import { markdownToText } from '../../markdown';
import { dashboardHref, featureHref, tableHref, userHref } from '../../routes';
import type { SearchHit } from '../../types';
import { Highlighted } from '../highlighted';
import { Link } from '../link';
import { names, updatedText, usageText } from './search-state';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The first highlight of a field, else the plain value. */
function Field(props: { hit: SearchHit; field: string; fallback: string }) {
  const fragment = props.hit.highlight?.[props.field]?.[0];
  return fragment ? <Highlighted fragment={fragment} /> : <>{props.fallback}</>;
}

/** A description (Markdown) as one line of text: its first highlight, else its text. */
function Description(props: { hit: SearchHit }) {
  const fragment = props.hit.highlight?.['description']?.[0];
  const plain = markdownToText(text(props.hit['description']));
  if (!fragment && !plain) return null;
  return <p class="resource-description">{fragment ? <Highlighted markdown fragment={fragment} /> : plain}</p>;
}

/** One labelled list of a hit's badges or tags (each item also says which it is, for screen readers). */
function LabelList(props: { names: string[]; label: 'Badges' | 'Tags'; listClass: string; itemClass: string; prefix: string }) {
  if (props.names.length === 0) return null;
  return (
    <ul class={props.listClass} aria-label={props.label}>
      {props.names.map((n) => (
        <li key={n} class={props.itemClass}>
          <span class="visually-hidden">{props.prefix}: </span>
          {n}
        </li>
      ))}
    </ul>
  );
}

/** Badges and tags of a hit, each list labelled (badges look different too, but the label says which is which). */
function Labels(props: { badges: string[]; tags: string[] }) {
  if (props.badges.length === 0 && props.tags.length === 0) return null;
  return (
    <div class="hit-labels">
      <LabelList names={props.badges} label="Badges" listClass="badges" itemClass="badge" prefix="Badge" />
      <LabelList names={props.tags} label="Tags" listClass="badges hit-tags" itemClass="chip" prefix="Tag" />
    </div>
  );
}

/** When it was last updated and how much it is read: what helps choose between similar results. */
function Facts(props: { updated: number | undefined; usage: number | undefined; now: number }) {
  const { updated, usage } = props;
  if (updated === undefined && usage === undefined) return null;
  return (
    <p class="hit-facts">
      {updated !== undefined && (
        <span>
          Updated{' '}
          <time dateTime={new Date(updated * 1000).toISOString()} title={new Date(updated * 1000).toLocaleString()}>
            {updatedText(updated, props.now)}
          </time>
        </span>
      )}
      {usage !== undefined && <span class="hit-usage">{usageText(usage)}</span>}
    </p>
  );
}

/** One search result: its name as a link, where it is from, and what tells it apart. */
export function SearchHitRow(props: { hit: SearchHit; now: number }) {
  const { hit, now } = props;
  if (hit.type === 'table') {
    const href = tableHref({
      database: text(hit['database']),
      cluster: text(hit['cluster']),
      schema: text(hit['schema']),
      name: text(hit['name']),
    });
    const columns = hit.highlight?.['columns'] ?? hit.highlight?.['column'];
    return (
      <li class="hit">
        <div class="hit-head">
          <Link href={href}>
            <span class="resource-name">
              {text(hit['schema'])}.<Field hit={hit} field="name" fallback={text(hit['name'])} />
            </span>
          </Link>
          {hit['is_view'] === true && <span class="kind-marker">View</span>}
          <span class="resource-source">{text(hit['database'])}</span>
        </div>
        <Description hit={hit} />
        {columns && columns.length > 0 && (
          <p class="hit-columns">
            Columns:{' '}
            {columns.slice(0, 5).map((c, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <Highlighted fragment={c} />
              </span>
            ))}
          </p>
        )}
        <Labels badges={names(hit['badges'])} tags={names(hit['tags'] ?? hit['tag'])} />
        <Facts updated={number(hit['last_updated_timestamp'])} usage={number(hit['total_usage'])} now={now} />
      </li>
    );
  }
  if (hit.type === 'user') {
    return (
      <li class="hit">
        <div class="hit-head">
          <Link href={userHref(text(hit['user_id']))}>
            <span class="resource-name">
              <Field hit={hit} field="full_name" fallback={text(hit['display_name'])} />
            </span>
          </Link>
          <span class="resource-source">{text(hit['email'])}</span>
        </div>
        <p class="resource-description">{[text(hit['role_name']), text(hit['team_name'])].filter(Boolean).join(' · ')}</p>
      </li>
    );
  }
  if ((hit.type as string) === 'feature') {
    const key = text(hit['key']);
    return (
      <li class="hit">
        <div class="hit-head">
          <Link href={featureHref(key)}>
            <span class="resource-name">
              <Field hit={hit} field="feature_name" fallback={text(hit['name'])} />
            </span>
          </Link>
          <span class="resource-source">
            {text(hit['feature_group'])} · v{text(hit['version'])}
          </span>
        </div>
        <Description hit={hit} />
        <Labels badges={names(hit['badges'])} tags={names(hit['tags'])} />
        <Facts updated={number(hit['last_updated_timestamp'])} usage={undefined} now={now} />
      </li>
    );
  }
  return (
    <li class="hit">
      <div class="hit-head">
        <Link href={dashboardHref(text(hit['uri']))}>
          <span class="resource-name">
            <Field hit={hit} field="name" fallback={text(hit['name'])} />
          </span>
        </Link>
        <span class="resource-source">
          {text(hit['product'])} · {text(hit['group_name'])}
        </span>
      </div>
      <Description hit={hit} />
      <Labels badges={names(hit['badges'])} tags={names(hit['tags'] ?? hit['tag'])} />
      <Facts updated={number(hit['last_successful_run_timestamp'])} usage={number(hit['total_usage'])} now={now} />
    </li>
  );
}
