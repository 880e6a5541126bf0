import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import type { DashboardDetail, Description, Message } from '@fram/models';
import { ResourceEditor, type EditableKind } from '../common/resource-editor';
import { DashboardStore, type StoredDashboard } from '../store/ports/dashboard-store';
import { UserResolver } from '../users/user-resolver';

/** Dashboard reads and edits, people resolved, edits through the shared ResourceEditor. */
@Injectable()
export class DashboardsService {
  private readonly kind: EditableKind<StoredDashboard>;

  constructor(
    private readonly dashboards: DashboardStore,
    private readonly users: UserResolver,
    private readonly editor: ResourceEditor,
  ) {
    this.kind = { type: 'dashboard', find: (key) => this.dashboards.getDashboard(key) };
  }

  /** Amundsen's DashboardSchema: owners and frequent users (its heaviest readers) as users, its queries and their names. */
  async detail(key: string): Promise<DashboardDetail> {
    const d = await this.editor.require(this.kind, key);
    const [owners, frequentUsers] = await Promise.all([
      Promise.all(d.owners.map((o) => this.users.resolveForDisplay(o))),
      Promise.all(d.readers.map((r) => this.users.resolveForDisplay(r.user))),
    ]);
    const { readers: _readers, owners: _owners, ...rest } = d;
    return {
      ...rest,
      owners,
      frequent_users: frequentUsers,
      query_names: d.queries.flatMap((q) => q.name ?? []),
    };
  }

  /** Amundsen's `/user/{id}/own/dashboard/{key}`: the same rules as every edit (the write role, or ownership). */
  changeOwner(op: 'add' | 'remove', key: string, owner: string, principal: Principal) {
    return this.editor.changeOwner(this.kind, op, key, owner, principal);
  }

  async description(key: string): Promise<Description> {
    return { description: (await this.editor.require(this.kind, key)).description };
  }

  async setDescription(key: string, description: string, principal: Principal): Promise<Message> {
    await this.editor.edit(this.kind, key, principal, (edit) => this.dashboards.setDashboardDescription(key, description, edit));
    return { message: `Description of dashboard ${key} updated` };
  }

  changeTag(op: 'add' | 'remove', key: string, tag: string, tagType: string | undefined, principal: Principal) {
    return this.editor.changeTag(this.kind, op, key, tag, tagType, principal);
  }

  changeBadge(op: 'add' | 'remove', key: string, badgeName: string, category: string | undefined, principal: Principal) {
    return this.editor.changeBadge(this.kind, op, key, badgeName, category, principal);
  }
}
