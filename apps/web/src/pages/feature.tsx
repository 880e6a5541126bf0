import type { ComponentChildren } from 'preact';
import { ApiError, get } from '../api';
import { BadgeList, Facts, Time } from '../components/dashboard/detail-parts';
import { EditableDescription, OwnerEditor, TagEditor } from '../components/editors';
import { ExternalLink } from '../components/external-link';
import type { FeatureDetail, FeatureLineage, FeatureWatermark, GenerationCode } from '../components/feature/feature-types';
import { LineageList } from '../components/lineage-list';
import { Markdown } from '../components/markdown';
import { metadataChange } from '../components/metadata-change';
import { Status } from '../components/status';
import { useLoad } from '../components/use-load';
import { searchHref } from '../routes';

/** A watermark's time: seconds since the epoch as a date, anything else as it is. */
function WatermarkTime(props: { time: FeatureWatermark['time'] }) {
  const { time } = props;
  if (time === null || time === '') return <span class="muted">—</span>;
  const seconds = typeof time === 'number' ? time : /^\d+(\.\d+)?$/.test(time) ? Number(time) : undefined;
  return seconds !== undefined ? <Time seconds={seconds} /> : <>{time}</>;
}

const watermarkLabel = (type: string | null) =>
  type === 'high_watermark' ? 'High watermark' : type === 'low_watermark' ? 'Low watermark' : (type ?? 'Watermark');

/** The code that makes the feature, or a line saying there is none on record. */
function GenerationCodeSection(props: { featureKey: string }) {
  const code = useLoad(
    () =>
      get<GenerationCode>(`/api/metadata/v0/get_feature_generation_code?key=${encodeURIComponent(props.featureKey)}`).catch(
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        },
      ),
    [props.featureKey],
  );
  return (
    <section aria-labelledby="code-title">
      <h2 id="code-title">Generation code</h2>
      <Status of={code}>
        {(c) => {
          if (!c || !c.text) return <p class="muted">No generation code recorded.</p>;
          return (
            <>
              <pre class="generation-code" data-testid="generation-code">
                <code>{c.text}</code>
              </pre>
              {c.source && (
                <p class="small">
                  Source: <ExternalLink url={c.source}>{c.source}</ExternalLink>
                </p>
              )}
            </>
          );
        }}
      </Status>
    </section>
  );
}

function LineageSection(props: { featureKey: string }) {
  const lineage = useLoad(
    () => get<FeatureLineage>(`/api/metadata/v0/get_feature_lineage?key=${encodeURIComponent(props.featureKey)}&depth=1&direction=both`),
    [props.featureKey],
  );
  return (
    <section aria-labelledby="lineage-title">
      <h2 id="lineage-title">Lineage</h2>
      <Status of={lineage}>
        {(l) => (
          <div class="lineage">
            <div>
              <h3>Upstream</h3>
              <LineageList entities={l.upstream_entities} empty="Nothing upstream recorded." />
            </div>
            <div>
              <h3>Downstream</h3>
              <LineageList entities={l.downstream_entities} empty="Nothing downstream recorded." />
            </div>
          </div>
        )}
      </Status>
    </section>
  );
}

/** An ML feature (Amundsen's feature page): what it is, who owns it, how it is made and what it comes from. */
export function FeaturePage(props: { featureKey: string }) {
  const key = props.featureKey;
  const feature = useLoad(
    () => get<{ featureData: FeatureDetail }>(`/api/metadata/v0/feature?key=${encodeURIComponent(key)}`).then((a) => a.featureData),
    [key],
  );
  const change = metadataChange(key, feature.reload);
  return (
    <Status of={feature}>
      {(f) => {
        const editable = f.is_editable;
        const programmatic = [
          ...f.programmatic_descriptions.left,
          ...f.programmatic_descriptions.right,
          ...f.programmatic_descriptions.other,
        ];
        return (
          <article class="detail feature-page">
            <p class="breadcrumb">
              ML feature · {f.feature_group} · version {f.version}
            </p>
            <div class="detail-title">
              <h1 tabIndex={-1}>{f.name}</h1>
            </div>
            <div class="detail-layout">
              <div class="detail-main">
                <section aria-labelledby="description-title">
                  <h2 id="description-title">Description</h2>
                  <EditableDescription
                    value={f.description}
                    editable={editable}
                    label="Description of the feature"
                    onSave={(description) => change('PUT', 'put_feature_description', { description })}
                  />
                </section>
                {programmatic.length > 0 && (
                  <section aria-labelledby="programmatic-title">
                    <h2 id="programmatic-title">From other systems</h2>
                    {programmatic.map((p, i) => (
                      <div key={`${p.source}-${i}`} class="programmatic-description">
                        <h3>{p.source}</h3>
                        <Markdown source={p.text} />
                      </div>
                    ))}
                  </section>
                )}
                <GenerationCodeSection featureKey={key} />
                <LineageSection featureKey={key} />
              </div>
              <aside class="detail-side" aria-label="About this feature">
                <section aria-labelledby="about-title">
                  <h2 id="about-title">About</h2>
                  <Facts
                    facts={[
                      ['Group', f.feature_group],
                      ['Version', f.version],
                      ['Status', f.status ?? <span class="muted">—</span>],
                      ['Entity', f.entity ?? <span class="muted">—</span>],
                      ['Data type', f.data_type ? <code>{f.data_type}</code> : <span class="muted">—</span>],
                      ['Available in', f.availability.length ? f.availability.join(', ') : <span class="muted">—</span>],
                      ['Last updated', <Time seconds={f.last_updated_timestamp} />],
                      ['Created', <Time seconds={f.created_timestamp} />],
                      ...f.watermarks.map((w): [string, ComponentChildren] => [
                        watermarkLabel(w.watermark_type),
                        <WatermarkTime time={w.time} />,
                      ]),
                    ]}
                  />
                </section>
                <section aria-labelledby="owners-title">
                  <h2 id="owners-title">Owners</h2>
                  <OwnerEditor
                    owners={f.owners}
                    editable={editable}
                    onAdd={(owner) => change('PUT', 'update_feature_owner', { owner })}
                    onRemove={(owner) => change('DELETE', 'update_feature_owner', { owner })}
                  />
                </section>
                <section aria-labelledby="tags-title">
                  <h2 id="tags-title">Tags</h2>
                  <TagEditor
                    tags={f.tags}
                    editable={editable}
                    searchHref={(tag) => searchHref('', 'feature', 0, { tag })}
                    onAdd={(tag) => change('PUT', 'update_feature_tags', { tag })}
                    onRemove={(tag) => change('DELETE', 'update_feature_tags', { tag })}
                  />
                </section>
                <section aria-labelledby="badges-title">
                  <h2 id="badges-title">Badges</h2>
                  <BadgeList badges={f.badges} empty="No badges." />
                </section>
              </aside>
            </div>
          </article>
        );
      }}
    </Status>
  );
}
