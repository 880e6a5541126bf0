import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import type { Description, Lineage, LineageQuery, Message, TableDashboards, TableDetail } from '@fram/models';
import { ResourceEditor, type EditableKind } from '../common/resource-editor';
import { DashboardStore } from '../store/ports/dashboard-store';
import { LineageStore } from '../store/ports/lineage-store';
import { TableStore, type StoredTable } from '../store/ports/table-store';
import { UserResolver } from '../users/user-resolver';

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
      columns: table.columns.map((c) => ({ ...c, key: `${table.key}/${c.name}`, stats: [] })),
      watermarks: [],
      table_writer: null,
      table_apps: [],
      resource_reports: [],
      last_updated_timestamp: table.last_updated_timestamp,
      source: null,
      programmatic_descriptions: [],
      common_joins: [],
      common_filters: [],
    };
  }

  async lineage(key: string, { direction, depth }: LineageQuery): Promise<Lineage> {
    const found = await this.lineageStore.lineage(key, depth);
    if (!found) throw new NotFoundError(`Table ${key} not found`);
    return {
      key,
      direction,
      depth,
      upstream_entities: direction === 'downstream' ? [] : found.upstream,
      downstream_entities: direction === 'upstream' ? [] : found.downstream,
    };
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
    if (!found) throw new NotFoundError(`Column ${column} of table ${key} not found`);
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
      () => new NotFoundError(`Column ${column} of table ${key} not found`),
    );
    return { message: `Description of column ${column} of table ${key} updated` };
  }

  changeTag(op: 'add' | 'remove', key: string, tag: string, tagType: string | undefined, principal: Principal) {
    return this.editor.changeTag(this.kind, op, key, tag, tagType, principal);
  }

  changeBadge(op: 'add' | 'remove', key: string, badgeName: string, category: string | undefined, principal: Principal) {
    return this.editor.changeBadge(this.kind, op, key, badgeName, category, principal);
  }

  changeOwner(op: 'add' | 'remove', key: string, owner: string, principal: Principal) {
    return this.editor.changeOwner(this.kind, op, key, owner, principal);
  }
}
