import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Lineage, LineageEntity } from '../../types';

/** Where a table stands in the graph: the page's own table, or upstream / downstream of it. */
export type LineageSide = 'current' | 'upstream' | 'downstream';

export interface LineageNode {
  key: string;
  /** `schema.name` when the key splits into parts, else the key. */
  label: string;
  side: LineageSide;
  /** Hops from the current table (0 for itself). */
  level: number;
}

/** Data flows from `from` to `to` (an upstream table feeds its downstream one). */
export interface LineageEdge {
  from: string;
  to: string;
}

export interface PlacedNode extends LineageNode {
  /** Centre and size, in the drawing's units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends LineageEdge {
  points: { x: number; y: number }[];
}

export interface LineageLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const entityLabel = (e: LineageEntity) => (e.schema && e.name ? `${e.schema}.${e.name}` : e.key);

/**
 * The graph of a table's lineage answer. Metadata gives each entity its level and `parent`, the
 * previous table on the path from the current one: an upstream table feeds its parent, a downstream
 * table is fed by its parent. An entity whose parent is missing (or not in the answer) hangs from
 * the first table one level nearer on its side (the current table at level 1), so the drawing stays
 * connected level by level.
 */
export function lineageGraph(currentKey: string, currentLabel: string, lineage: Lineage): { nodes: LineageNode[]; edges: LineageEdge[] } {
  const nodes = new Map<string, LineageNode>([[currentKey, { key: currentKey, label: currentLabel, side: 'current', level: 0 }]]);
  const edges: LineageEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (from: string, to: string) => {
    const id = `${from}\u0000${to}`;
    if (from === to || seen.has(id)) return;
    seen.add(id);
    edges.push({ from, to });
  };
  for (const side of ['upstream', 'downstream'] as const) {
    const entities = [...(side === 'upstream' ? lineage.upstream_entities : lineage.downstream_entities)].sort((a, b) => a.level - b.level);
    for (const e of entities) {
      if (!nodes.has(e.key)) nodes.set(e.key, { key: e.key, label: entityLabel(e), side, level: e.level });
    }
    for (const e of entities) {
      const parent =
        e.parent && nodes.has(e.parent)
          ? e.parent
          : e.level <= 1
            ? currentKey
            : (entities.find((o) => o.level === e.level - 1)?.key ?? currentKey);
      if (side === 'upstream') addEdge(e.key, parent);
      else addEdge(parent, e.key);
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/** The longest label drawn in a node, in characters; longer names end in an ellipsis (the full name is the link's name). */
export const MAX_LABEL = 28;

export function shortLabel(label: string): string {
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1)}…`;
}

const NODE_HEIGHT = 46;
const CHAR_WIDTH = 7.4;
const NODE_PADDING = 24;
const MIN_WIDTH = 120;

/** The graph laid out left to right (data flows rightwards) by dagre, with a margin round it. */
export function layoutLineage(graph: { nodes: LineageNode[]; edges: LineageEdge[] }): LineageLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    const width = Math.max(MIN_WIDTH, Math.ceil(shortLabel(n.label).length * CHAR_WIDTH + NODE_PADDING));
    g.setNode(n.key, { width, height: NODE_HEIGHT });
  }
  for (const e of graph.edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const nodes = graph.nodes.map((n) => {
    const placed = g.node(n.key);
    return { ...n, x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width, height: placed.height };
  });
  const edges = graph.edges.map((e) => {
    const label = g.edge(e.from, e.to);
    return { ...e, points: (label.points ?? []).map((p) => ({ x: p.x, y: p.y })) };
  });
  const label = g.graph();
  return { nodes, edges, width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0) };
}

/** Zoom steps for the graph's + and − buttons. */
export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 2;
export const ZOOM_STEP = 0.25;

/** The smallest scale "Fit" gives (a wide graph on a phone); below ZOOM_MIN, − does nothing and + steps up. */
export const FIT_MIN = 0.25;

/** One zoom step in or out, within ZOOM_MIN and ZOOM_MAX (a scale already outside them, from Fit, is not pushed back). */
export function zoomed(scale: number, direction: 1 | -1): number {
  const next = Math.round((scale + direction * ZOOM_STEP) * 100) / 100;
  return Math.min(Math.max(ZOOM_MAX, scale), Math.max(Math.min(ZOOM_MIN, scale), next));
}

/** The scale at which a graph `graphWidth` wide fills a canvas `canvasWidth` wide: at least FIT_MIN, at most ZOOM_MAX. */
export function fitScale(canvasWidth: number, graphWidth: number): number {
  if (!(graphWidth > 0) || !(canvasWidth > 0)) return 1;
  const scale = Math.floor((canvasWidth / graphWidth) * 100) / 100;
  return Math.min(ZOOM_MAX, Math.max(FIT_MIN, scale));
}

/** An SVG path through an edge's points. */
export function edgePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}
