import { ExternalLink } from '../external-link';
import { Markdown } from '../markdown';
import { descriptionsBySource, partitionRange, type DescriptionLike, type WatermarkLike } from './table-facts';

/** Amundsen's Application, as the table answer gives it. */
export interface ApplicationLike {
  id: string;
  name?: string | null;
  kind?: string | null;
  description?: string | null;
  application_url?: string | null;
}

/** The partitions the table holds, low to high, with the partition key; and when that was recorded. */
export function WatermarksSection(props: { watermarks: WatermarkLike[] | null | undefined; lastUpdated: number | null | undefined }) {
  const range = partitionRange(props.watermarks);
  if (!range && !props.lastUpdated) return null;
  return (
    <section aria-labelledby="freshness-title" class="table-freshness">
      <h2 id="freshness-title">Data range</h2>
      {range && (
        <dl class="facts">
          <div>
            <dt>Partitions{range.key ? ` (by ${range.key})` : ''}</dt>
            <dd data-testid="watermark-range">
              <span>{range.low ?? 'unknown'}</span>
              <span aria-hidden="true"> → </span>
              <span class="visually-hidden"> to </span>
              <span>{range.high ?? 'unknown'}</span>
            </dd>
          </div>
          {range.recorded && (
            <div>
              <dt>Recorded</dt>
              <dd>{range.recorded.replace('T', ' ')}</dd>
            </div>
          )}
        </dl>
      )}
      {props.lastUpdated ? (
        <dl class="facts">
          <div>
            <dt>Last updated</dt>
            <dd>{new Date(props.lastUpdated * 1000).toLocaleString()}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

/** Where the table comes from and what uses it: source, writing application, applications, reports. */
export function ProvenanceSection(props: {
  source: { source_type?: string; source?: string } | null | undefined;
  writer: ApplicationLike | null | undefined;
  apps: ApplicationLike[] | null | undefined;
  reports: { name: string; url: string }[] | null | undefined;
}) {
  const apps = (props.apps ?? []).filter((a) => a.id !== props.writer?.id);
  const reports = props.reports ?? [];
  if (!props.source?.source && !props.writer && apps.length === 0 && reports.length === 0) return null;
  const appLabel = (a: ApplicationLike) => a.name ?? a.id;
  return (
    <section aria-labelledby="provenance-title" class="table-provenance">
      <h2 id="provenance-title">Source and applications</h2>
      <dl class="facts">
        {props.source?.source && (
          <div>
            <dt>Source{props.source.source_type ? ` (${props.source.source_type})` : ''}</dt>
            <dd class="break">
              <ExternalLink url={props.source.source}>{props.source.source}</ExternalLink>
            </dd>
          </div>
        )}
        {props.writer && (
          <div>
            <dt>Written by</dt>
            <dd>
              <ExternalLink url={props.writer.application_url}>{appLabel(props.writer)}</ExternalLink>
              <span class="muted small"> {props.writer.id}</span>
              {props.writer.description && <p class="small">{props.writer.description}</p>}
            </dd>
          </div>
        )}
      </dl>
      {apps.length > 0 && (
        <>
          <h3>Applications</h3>
          <ul class="resource-list compact">
            {apps.map((a) => (
              <li key={a.id}>
                <ExternalLink url={a.application_url}>{appLabel(a)}</ExternalLink>{' '}
                <span class="resource-source">
                  {a.kind ? `${a.kind.toLowerCase()} · ` : ''}
                  {a.id}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {reports.length > 0 && (
        <>
          <h3>Reports</h3>
          <ul class="resource-list compact">
            {reports.map((r) => (
              <li key={r.url}>
                <ExternalLink url={r.url}>{r.name}</ExternalLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Descriptions programs wrote (quality checks, storage, ...), read-only, grouped by their source. */
export function ProgrammaticDescriptions(props: {
  descriptions: DescriptionLike[] | { left?: DescriptionLike[]; right?: DescriptionLike[]; other?: DescriptionLike[] } | null | undefined;
}) {
  const groups = descriptionsBySource(props.descriptions);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="programmatic-title" class="programmatic-descriptions">
      <h2 id="programmatic-title">From other systems</h2>
      {groups.map((g) => (
        <div key={g.source} class="programmatic-group">
          <h3>{g.source.replace(/_/g, ' ')}</h3>
          {g.texts.map((text, i) => (
            <Markdown key={i} source={text} />
          ))}
        </div>
      ))}
    </section>
  );
}
