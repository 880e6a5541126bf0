import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { navigate } from '../../navigation';
import { tableHrefFromKey } from '../../routes';
import type { Lineage } from '../../types';
import {
  edgePath,
  fitScale,
  layoutLineage,
  lineageGraph,
  shortLabel,
  ZOOM_MAX,
  ZOOM_MIN,
  zoomed,
  type PlacedNode,
} from './lineage-graph-model';

const SIDE_TEXT = { current: 'this table', upstream: 'upstream', downstream: 'downstream' } as const;

function nodeNote(n: PlacedNode): string {
  return n.side === 'current' ? SIDE_TEXT.current : `${SIDE_TEXT[n.side]} · level ${n.level}`;
}

function GraphNode(props: { node: PlacedNode }) {
  const n = props.node;
  const box = (
    <>
      <rect x={n.x - n.width / 2} y={n.y - n.height / 2} width={n.width} height={n.height} rx={6} />
      <text x={n.x} y={n.y - 4} text-anchor="middle" class="lineage-node-name">
        {shortLabel(n.label)}
      </text>
      <text x={n.x} y={n.y + 13} text-anchor="middle" class="lineage-node-note">
        {nodeNote(n)}
      </text>
    </>
  );
  const href = n.side === 'current' ? undefined : tableHrefFromKey(n.key);
  if (!href)
    return (
      <g
        class={`lineage-node ${n.side}`}
        data-key={n.key}
        role="img"
        aria-label={`${n.label}, ${nodeNote(n)}`}
        aria-current={n.side === 'current' ? 'page' : undefined}
      >
        {box}
      </g>
    );
  return (
    <a
      href={href}
      class={`lineage-node ${n.side}`}
      data-key={n.key}
      aria-label={`${n.label}, ${nodeNote(n)}`}
      onClick={(event: MouseEvent) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {box}
    </a>
  );
}

/**
 * A zoom button; one that can do nothing now is marked aria-disabled (not disabled: the button in focus
 * keeps it, e.g. after zooming in to the most) and ignores clicks.
 */
function ZoomButton(props: { label?: string; disabled?: boolean; onClick: () => void; children: ComponentChildren }) {
  return (
    <button
      type="button"
      class="secondary"
      aria-label={props.label}
      aria-disabled={props.disabled ? 'true' : undefined}
      onClick={() => {
        if (!props.disabled) props.onClick();
      }}
    >
      {props.children}
    </button>
  );
}

/**
 * The table's lineage as a graph: upstream tables on the left, downstream on the right, edges in the
 * direction data flows, laid out by dagre and drawn in SVG. Nodes are links to their tables (the
 * current one marked "this table" and outlined); + / − / reset zoom, and Fit to the width. The lists beside it say the same
 * in words.
 */
export function LineageGraph(props: { tableKey: string; label: string; lineage: Lineage }) {
  const layout = useMemo(
    () => layoutLineage(lineageGraph(props.tableKey, props.label, props.lineage)),
    [props.tableKey, props.label, props.lineage],
  );
  const [scale, setScale] = useState(1);
  const canvas = useRef<HTMLDivElement>(null);
  const count = props.lineage.upstream_entities.length + props.lineage.downstream_entities.length;
  if (count === 0) return null;
  const onWheel = (event: WheelEvent) => {
    // Ctrl + wheel (and a trackpad's pinch, which browsers send as it) zooms; a plain wheel scrolls the page.
    if (!event.ctrlKey) return;
    event.preventDefault();
    setScale((s) => zoomed(s, event.deltaY < 0 ? 1 : -1));
  };
  return (
    <figure class="lineage-graph" aria-labelledby="lineage-graph-caption">
      <figcaption id="lineage-graph-caption">
        Lineage graph: {props.lineage.upstream_entities.length} upstream and {props.lineage.downstream_entities.length} downstream tables;
        data flows from left to right.
      </figcaption>
      <div class="lineage-zoom" role="group" aria-label="Zoom the lineage graph">
        <ZoomButton label="Zoom in" disabled={scale >= ZOOM_MAX} onClick={() => setScale((s) => zoomed(s, 1))}>
          +
        </ZoomButton>
        <ZoomButton label="Zoom out" disabled={scale <= ZOOM_MIN} onClick={() => setScale((s) => zoomed(s, -1))}>
          −
        </ZoomButton>
        <ZoomButton disabled={scale === 1} onClick={() => setScale(1)}>
          Reset zoom
        </ZoomButton>
        <ZoomButton
          label="Fit the graph to the width"
          onClick={() => canvas.current && setScale(fitScale(canvas.current.clientWidth, layout.width))}
        >
          Fit
        </ZoomButton>
        <span class="muted small" aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
      </div>
      <div class="lineage-canvas" onWheel={onWheel} ref={canvas}>
        <svg
          role="group"
          aria-labelledby="lineage-graph-caption"
          width={Math.ceil(layout.width * scale)}
          height={Math.ceil(layout.height * scale)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          data-scale={scale}
        >
          <defs>
            <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" class="lineage-arrow" />
            </marker>
          </defs>
          <g aria-hidden="true">
            {layout.edges.map((e) => (
              <path key={`${e.from}>${e.to}`} class="lineage-edge" d={edgePath(e.points)} marker-end="url(#lineage-arrow)" />
            ))}
          </g>
          {layout.nodes.map((n) => (
            <GraphNode key={n.key} node={n} />
          ))}
        </svg>
      </div>
    </figure>
  );
}
