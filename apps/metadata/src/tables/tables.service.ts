import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import {
  parseTypeMetadataKey,
  type Application,
  type Description,
  type Lineage,
  type LineageQuery,
  type Message,
  type TableDashboards,
  type TableDetail,
  type TypeMetadata,
} from '@fram/models';
import { lineageAnswer } from '../common/lineage-answer';
import { ResourceEditor, type EditableKind } from '../common/resource-editor';
import { DashboardStore } from '../store/ports/dashboard-store';
import type { Edit } from '../store/ports/edit';
import { LineageStore } from '../store/ports/lineage-store';
import { TableStore, type StoredTable } from '../store/ports/table-store';
import { UserResolver } from '../users/user-resolver';

type Op = 'add' | 'remove';

/**
 * Amundsen's table_writer and table_apps: the programs that write the table (Producing), then those that only
 * read it (Consuming); the writer is the first that writes it.
 */
function applications(table: StoredTable): { table_writer: Application | null; table_apps: Application[] } {
  const producing = table.producing_apps.map((a) => ({ ...a, kind: 'Producing' }));
  const writers = new Set(producing.map((a) => a.id));
  const consuming = table.consuming_apps.filter((a) => !writers.has(a.id)).map((a) => ({ ...a, kind: 'Consuming' }));
  return { table_writer: producing[0] ?? null, table_apps: [...producing, ...consuming] };
}

/** The nested type of `key` in a tree, if it is in it. */
function findType(type: TypeMetadata | null, key: string): TypeMetadata | undefined {
  if (!type) return undefined;
  if (type.key === key) return type;
  for (const child of type.children) {
    const found = findType(child, key);
    if (found) return found;
  }
  return undefined;
}

/** Table reads and edits with Amundsen's rules, people resolved, edits through the shared ResourceEditor. */
@Injectable()
export class TablesService {
  private readonly kind: EditableKind<StoredTable>;

  constructor(
    private readonly tables: TableStore,
    private readonly dashboardStore: DashboardStore,
    private readonly lineageStore: LineageStore,
    private readonly users: UserResolver,
    private readonly editor: ResourceEditor,
  ) {
    this.kind = { type: 'table', find: (key) => this.tables.getTable(key) };
  }

  async detail(key: string): Promise<TableDetail> {
    const table = await this.editor.require(this.kind, key);
    const [owners, readers] = await Promise.all([
      Promise.all(table.owners.map((o) => this.users.resolveForDisplay(o))),
      Promise.all(table.readers.map(async (r) => ({ user: await this.users.resolveForDisplay(r.user), read_count: r.read_count }))),
    ]);
    return {
      database: table.database,
      cluster: table.cluster,
      schema: table.schema,
      name: table.name,
      key: table.key,
      is_view: table.is_view,
      description: table.description,
      tags: table.tags,
      badges: table.badges,
      table_readers: readers,
      owners,
      columns: table.columns.map((c) => ({
        name: c.name,
        key: `${table.key}/${c.name}`,
        description: c.description,
        col_type: c.col_type,
        sort_order: c.sort_order,
        stats: c.stats,
        badges: c.badges,
        type_metadata: c.type_metadata,
      })),
      watermarks: table.watermarks,
      ...applications(table),
      resource_reports: table.resource_reports,
      last_updated_timestamp: table.last_updated_timestamp,
      source: table.source,
      programmatic_descriptions: table.programmatic_descriptions,
      common_joins: [],
      common_filters: [],
    };
  }

  async lineage(key: string, query: LineageQuery): Promise<Lineage> {
    const found = await this.lineageStore.lineage(key, query.depth);
    if (!found) throw new NotFoundError(`Table ${key} not found`);
    return lineageAnswer(key, query, found);
  }

  /** Amundsen's column lineage: the lineage of the column `{table key}/{column}`. */
  async columnLineage(key: string, column: string, query: LineageQuery): Promise<Lineage> {
    const found = await this.lineageStore.columnLineage(key, column, query.depth);
    if (!found) throw columnNotFound(key, column);
    return lineageAnswer(`${key}/${column}`, query, found);
  }

  async dashboards(key: string): Promise<TableDashboards> {
    await this.editor.require(this.kind, key);
    return { dashboards: await this.dashboardStore.dashboardsUsingTable(key) };
  }

  async description(key: string): Promise<Description> {
    return { description: (await this.editor.require(this.kind, key)).description };
  }

  async columnDescription(key: string, column: string): Promise<Description> {
    const found = (await this.editor.require(this.kind, key)).columns.find((c) => c.name === column);
    if (!found) throw columnNotFound(key, column);
    return { description: found.description };
  }

  async setDescription(key: string, description: string, principal: Principal): Promise<Message> {
    await this.editor.edit(this.kind, key, principal, (edit) => this.tables.setTableDescription(key, description, edit));
    return { message: `Description of table ${key} updated` };
  }

  async setColumnDescription(key: string, column: string, description: string, principal: Principal): Promise<Message> {
    await this.editor.edit(
      this.kind,
      key,
      principal,
      (edit) => this.tables.setColumnDescription(key, column, description, edit),
      () => columnNotFound(key, column),
    );
    return { message: `Description of column ${column} of table ${key} updated` };
  }

  changeTag(op: Op, key: string, tag: string, tagType: string | undefined, principal: Principal) {
    return this.editor.changeTag(this.kind, op, key, tag, tagType, principal);
  }

  changeBadge(op: Op, key: string, badgeName: string, category: string | undefined, principal: Principal) {
    return this.editor.changeBadge(this.kind, op, key, badgeName, category, principal);
  }

  changeOwner(op: Op, key: string, owner: string, principal: Principal) {
    return this.editor.changeOwner(this.kind, op, key, owner, principal);
  }

  /** A badge of a column: one of WHITELIST_BADGES, by the table's editors. */
  async changeColumnBadge(op: Op, key: string, column: string, badgeName: string, category: string | undefined, principal: Principal) {
    const badge = this.editor.allowedBadge(badgeName, category);
    await this.editor.edit(
      this.kind,
      key,
      principal,
      (edit) =>
        op === 'add' ? this.tables.addColumnBadge(key, column, badge, edit) : this.tables.removeColumnBadge(key, column, badge, edit),
      () => columnNotFound(key, column),
    );
    return badgeChanged(op, badgeName, `column ${column} of table ${key}`);
  }

  /** Amundsen's `GET /type_metadata/{key}/description`. */
  async typeMetadataDescription(key: string): Promise<Description> {
    return { description: (await this.requireTypeMetadata(key)).type.description };
  }

  async setTypeMetadataDescription(key: string, description: string, principal: Principal): Promise<Message> {
    await this.editTypeMetadata(key, principal, (table, edit) => this.tables.setTypeMetadataDescription(table, key, description, edit));
    return { message: `Description of type metadata ${key} updated` };
  }

  /** A badge of a nested column type: one of WHITELIST_BADGES, by the table's editors. */
  async changeTypeMetadataBadge(op: Op, key: string, badgeName: string, category: string | undefined, principal: Principal) {
    const badge = this.editor.allowedBadge(badgeName, category);
    await this.editTypeMetadata(key, principal, (table, edit) =>
      op === 'add'
        ? this.tables.addTypeMetadataBadge(table, key, badge, edit)
        : this.tables.removeTypeMetadataBadge(table, key, badge, edit),
    );
    return badgeChanged(op, badgeName, `type metadata ${key}`);
  }

  /** A nested type's table and node: 400 when `key` is not a type metadata key, 404 when there is no such type. */
  private async requireTypeMetadata(key: string): Promise<{ table: StoredTable; type: TypeMetadata }> {
    const parsed = parseTypeMetadataKey(key);
    if (!parsed) {
      throw new InvalidInputError(`${key} is not a type metadata key; they look like hive://gold.core/orders/payload/type/payload/user`);
    }
    const table = await this.tables.getTable(parsed.table);
    const type = table?.columns
      .filter((c) => parsed.columns.includes(c.name))
      .reduce<TypeMetadata | undefined>((found, c) => found ?? findType(c.type_metadata, key), undefined);
    if (!table || !type) throw typeMetadataNotFound(key);
    return { table, type };
  }

  /** Changes a nested type through the table's edit path (its editors, its audit entry). */
  private async editTypeMetadata(key: string, principal: Principal, change: (table: string, edit: Edit) => Promise<boolean>) {
    const { table } = await this.requireTypeMetadata(key);
    await this.editor.edit(
      this.kind,
      table.key,
      principal,
      (edit) => change(table.key, edit),
      () => typeMetadataNotFound(key),
    );
  }
}

const columnNotFound = (key: string, column: string) => new NotFoundError(`Column ${column} of table ${key} not found`);
const typeMetadataNotFound = (key: string) => new NotFoundError(`Type metadata ${key} not found`);
const badgeChanged = (op: Op, badge: string, of: string): Message => ({
  message: op === 'add' ? `Added badge ${badge} to ${of}` : `Removed badge ${badge} from ${of}`,
});
