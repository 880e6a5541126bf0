import type { Badge, TypeMetadata, TypeMetadataRecord } from '@fram/models';

/** One node of a column's nested type as stores keep it: its parent's key, null for the column's own type. */
export interface TypeMetadataNode {
  key: string;
  parent_key: string | null;
  kind: string;
  name: string;
  data_type: string;
  sort_order: number;
  description: string | null;
  badges: Badge[];
}

const byOrder = (a: TypeMetadata, b: TypeMetadata) => a.sort_order - b.sort_order || a.key.localeCompare(b.key);

/**
 * The tree of a column's nested type from its nodes, children in sort order
 * (Amundsen's answer); null when there is none. Nodes whose parent is not
 * among them hang nowhere and are left out, as Amundsen does.
 */
export function typeMetadataTree(nodes: readonly TypeMetadataNode[]): TypeMetadata | null {
  const keys = new Set(nodes.map((n) => n.key));
  const built = new Map<string, TypeMetadata>();
  for (const n of nodes) {
    const badges = [...n.badges].sort((a, b) => a.badge_name.localeCompare(b.badge_name));
    const { kind, name, key, description, data_type, sort_order } = n;
    built.set(key, { kind, name, key, description, data_type, sort_order, badges, children: [] });
  }
  const roots: TypeMetadata[] = [];
  for (const n of nodes) {
    const node = built.get(n.key)!;
    if (n.parent_key === null) roots.push(node);
    else if (keys.has(n.parent_key)) built.get(n.parent_key)!.children.push(node);
  }
  for (const node of built.values()) node.children.sort(byOrder);
  return roots.sort(byOrder)[0] ?? null;
}

/**
 * The nodes of an ingested nested type of the column `columnKey`, parents
 * before children, with databuilder's keys: `{column key}/type/{name}` for
 * the column's own type, `{parent key}/{name}` below it. Children without a
 * sort order are ordered as listed.
 */
export function typeMetadataNodes(columnKey: string, root: TypeMetadataRecord): TypeMetadataNode[] {
  const nodes: TypeMetadataNode[] = [];
  const queue: { record: TypeMetadataRecord; key: string; parent: string | null; order: number }[] = [
    { record: root, key: `${columnKey}/type/${root.name}`, parent: null, order: root.sort_order ?? 0 },
  ];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { record, key, parent, order } = next;
    nodes.push({
      key,
      parent_key: parent,
      kind: record.kind,
      name: record.name,
      data_type: record.data_type,
      sort_order: order,
      description: record.description ?? null,
      badges: record.badges ?? [],
    });
    (record.children ?? []).forEach((child, i) =>
      queue.push({ record: child, key: `${key}/${child.name}`, parent: key, order: child.sort_order ?? i }),
    );
  }
  return nodes;
}
