import type { Lineage, LineageEntity } from '../../types';
import { edgePath, fitScale, layoutLineage, lineageGraph, shortLabel, zoomed } from './lineage-graph-model';

const entity = (key: string, level: number, parent: string | null, name = key.split('/').pop()): LineageEntity => ({
  key,
  level,
  parent,
  source: 'hive',
  badges: [],
  usage: 0,
  link: null,
  in_amundsen: true,
  schema: 'core',
  name,
});

const ORDERS = 'hive://gold.core/orders';

describe('lineage graph', () => {
  it('draws edges from each entity to its parent, in the direction data flows', () => {
    const lineage: Lineage = {
      upstream_entities: [entity('pg://shop.public/orders', 1, ORDERS), entity('pg://shop.public/raw', 2, 'pg://shop.public/orders')],
      downstream_entities: [entity('bq://prod.a/enriched', 1, ORDERS), entity('bq://prod.a/revenue', 2, 'bq://prod.a/enriched')],
    };
    const graph = lineageGraph(ORDERS, 'core.orders', lineage);
    expect(graph.nodes.map((n) => [n.key, n.side, n.level])).toEqual([
      [ORDERS, 'current', 0],
      ['pg://shop.public/orders', 'upstream', 1],
      ['pg://shop.public/raw', 'upstream', 2],
      ['bq://prod.a/enriched', 'downstream', 1],
      ['bq://prod.a/revenue', 'downstream', 2],
    ]);
    expect(graph.edges).toEqual([
      { from: 'pg://shop.public/orders', to: ORDERS },
      { from: 'pg://shop.public/raw', to: 'pg://shop.public/orders' },
      { from: ORDERS, to: 'bq://prod.a/enriched' },
      { from: 'bq://prod.a/enriched', to: 'bq://prod.a/revenue' },
    ]);
  });

  it('hangs entities without a known parent from the level before, the current table at level 1', () => {
    const lineage: Lineage = {
      upstream_entities: [entity('a://x.y/one', 1, null), entity('a://x.y/two', 2, 'a://x.y/gone')],
      downstream_entities: [],
    };
    expect(lineageGraph(ORDERS, 'core.orders', lineage).edges).toEqual([
      { from: 'a://x.y/one', to: ORDERS },
      { from: 'a://x.y/two', to: 'a://x.y/one' },
    ]);
  });

  it('lays the graph out left to right: upstream left of the table, downstream right of it', () => {
    const lineage: Lineage = {
      upstream_entities: [entity('pg://shop.public/orders', 1, ORDERS)],
      downstream_entities: [entity('bq://prod.a/enriched', 1, ORDERS)],
    };
    const layout = layoutLineage(lineageGraph(ORDERS, 'core.orders', lineage));
    const x = (key: string) => layout.nodes.find((n) => n.key === key)!.x;
    expect(x('pg://shop.public/orders')).toBeLessThan(x(ORDERS));
    expect(x(ORDERS)).toBeLessThan(x('bq://prod.a/enriched'));
    expect(layout.width).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(0);
    expect(layout.edges).toHaveLength(2);
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(
      edgePath([
        { x: 1, y: 2 },
        { x: 3.25, y: 4 },
      ]),
    ).toBe('M1.0,2.0 L3.3,4.0');
  });

  it('shortens long labels and keeps zoom within its bounds', () => {
    expect(shortLabel('short')).toBe('short');
    expect(shortLabel('x'.repeat(40))).toHaveLength(28);
    expect(shortLabel('x'.repeat(40)).endsWith('…')).toBe(true);
    expect(zoomed(1, 1)).toBe(1.25);
    expect(zoomed(2, 1)).toBe(2);
    expect(zoomed(0.5, -1)).toBe(0.5);
    expect(zoomed(1, -1)).toBe(0.75);
  });

  it('fits a graph to the canvas width, within 25% and 200%, and zooms on from a fitted scale', () => {
    expect(fitScale(300, 600)).toBe(0.5);
    expect(fitScale(333, 1000)).toBe(0.33);
    expect(fitScale(100, 1000)).toBe(0.25);
    expect(fitScale(2000, 500)).toBe(2);
    expect(fitScale(0, 500)).toBe(1);
    expect(fitScale(300, 0)).toBe(1);
    expect(zoomed(0.33, -1)).toBe(0.33);
    expect(zoomed(0.33, 1)).toBe(0.58);
    expect(zoomed(0.45, 1)).toBe(0.7);
  });
});
