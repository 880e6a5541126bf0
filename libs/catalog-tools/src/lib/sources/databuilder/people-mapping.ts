import { DASHBOARD_KEY, parseTableKey, type ReadRecord, type UserInput } from '@fram/models';
import type { Graph } from './graph-files';
import { integer, text, bool } from './values';
import type { Warnings } from './warnings';

/*
 * People and what they read, as databuilder's models write them (databuilder/databuilder/models/):
 * - user.py: User `{email}` (email, first_name, last_name, full_name, github_username, team_name, employee_type,
 *   slack_id, is_active, profile_url, role_name, updated_at, and any extra attribute) -MANAGE_BY-> User (manager).
 * - owner.py and usage/usage.py also write User nodes with the email alone, for the owners and readers they name.
 * - usage/usage.py (and table_column_usage.py, dashboard/dashboard_usage.py): Table or Dashboard -READ_BY-> User
 *   (reverse READ) with read_count.
 */

/** User node properties that are fields of Fram's user. */
const USER_FIELDS = [
  'email',
  'first_name',
  'last_name',
  'full_name',
  'github_username',
  'team_name',
  'employee_type',
  'slack_id',
  'profile_url',
  'role_name',
] as const;

/** Properties that say nothing about the person: databuilder's and its publisher's bookkeeping. */
const BOOKKEEPING = new Set(['updated_at', 'published_tag', 'publisher_last_updated_epoch_ms', 'publisher_created_epoch_ms', 'key']);

/**
 * A user record for each User node written by the User model. Nodes with the email alone (what owner and usage
 * models write) make no record: they would only blank what Fram knows of the person; the owners and reads that
 * name them are imported with their resources.
 */
export function mapUsers(graph: Graph): UserInput[] {
  const users: UserInput[] = [];
  for (const node of graph.nodes('User')) {
    node.used = true;
    const described = Object.keys(node.props).some((prop) => prop !== 'email' && !BOOKKEEPING.has(prop));
    if (!described) continue;
    const user: UserInput = { email: text(node.props['email']) ?? node.key };
    for (const field of USER_FIELDS) {
      const value = text(node.props[field]);
      if (value !== undefined && field !== 'email') user[field] = value;
    }
    const active = bool(node.props['is_active']);
    if (active !== undefined) user.is_active = active;
    const [manager] = graph.follow(node, 'MANAGE_BY', 'User');
    if (manager) user.manager_email = manager.edge.key;
    const others: Record<string, string> = {};
    for (const [prop, value] of Object.entries(node.props)) {
      if ((USER_FIELDS as readonly string[]).includes(prop) || prop === 'is_active' || BOOKKEEPING.has(prop)) continue;
      const written = text(value);
      if (written !== undefined) others[prop] = written;
    }
    if (Object.keys(others).length > 0) user.other_key_values = others;
    users.push(user);
  }
  return users;
}

/** Reads of tables and dashboards (`READ_BY` from the resource, or `READ` from the user), the last count written winning. */
export function mapReads(graph: Graph, warnings: Warnings): ReadRecord[] {
  const reads = new Map<string, ReadRecord>();
  for (const relation of graph.relations) {
    let resource: { label: string; key: string } | undefined;
    let user: string | undefined;
    if (relation.type === 'READ_BY' && relation.endLabel === 'User') {
      resource = { label: relation.startLabel, key: relation.startKey };
      user = relation.endKey;
    } else if (relation.type === 'READ' && relation.startLabel === 'User') {
      resource = { label: relation.endLabel, key: relation.endKey };
      user = relation.startKey;
    }
    if (!resource || user === undefined) continue;
    if (resource.label !== 'Table' && resource.label !== 'Dashboard') continue; // left for the warnings (feature reads)
    const count = integer(relation.props['read_count']) ?? 1;
    const valid = resource.label === 'Table' ? parseTableKey(resource.key) !== undefined : DASHBOARD_KEY.test(resource.key);
    if (!valid || count < 0) {
      warnings.add(`${resource.label}-READ_BY->User relationships`, 'a key or read_count Fram cannot read; not imported');
      continue;
    }
    relation.used = true;
    const record: ReadRecord =
      resource.label === 'Table'
        ? { user, table_key: resource.key, read_count: count }
        : { user, dashboard_key: resource.key, read_count: count };
    reads.set(`${user}\u0000${resource.label}\u0000${resource.key}`, record);
  }
  return [...reads.values()];
}
