import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { ConflictError, InvalidInputError, NotFoundError } from '@fram/errors';
import { descriptionProblem, idProblem, tagProblem, type Badge, type DashboardSummary, type Lineage, type TableDetail } from '@fram/models';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { assertCanEdit, editBy } from '../common/edit-access';
import { MetadataStore, type StoredTable } from '../store/metadata-store';
import { UserResolver } from '../users/user-resolver';

/** Table reads and edits with Amundsen's rules, people resolved, edits authorised. */
@Injectable()
export class TablesService {
  constructor(
    private readonly store: MetadataStore,
    private readonly users: UserResolver,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  async detail(key: string): Promise<TableDetail> {
    const table = await this.require(key);
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

  async lineage(key: string, directionText: string | undefined, depthText: string | undefined): Promise<Lineage> {
    const direction = (directionText ?? 'both') as Lineage['direction'];
    if (!['upstream', 'downstream', 'both'].includes(direction))
      throw new InvalidInputError('direction must be upstream, downstream or both');
    const depth = depthText === undefined ? 1 : Number(depthText);
    if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new InvalidInputError('depth must be a whole number from 1 to 10');
    const found = await this.store.lineage(key, depth);
    if (!found) throw new NotFoundError(`Table ${key} not found`);
    return {
      key,
      direction,
      depth,
      upstream_entities: direction === 'downstream' ? [] : found.upstream,
      downstream_entities: direction === 'upstream' ? [] : found.downstream,
    };
  }

  async dashboards(key: string): Promise<{ dashboards: DashboardSummary[] }> {
    await this.require(key);
    return { dashboards: await this.store.dashboardsUsingTable(key) };
  }

  async description(key: string): Promise<{ description: string | null }> {
    return { description: (await this.require(key)).description };
  }

  async columnDescription(key: string, column: string): Promise<{ description: string | null }> {
    const found = (await this.require(key)).columns.find((c) => c.name === column);
    if (!found) throw new NotFoundError(`Column ${column} of table ${key} not found`);
    return { description: found.description };
  }

  async setDescription(key: string, description: unknown, principal: Principal): Promise<void> {
    const text = this.descriptionText(description);
    assertCanEdit(principal, (await this.require(key)).owners);
    if (!(await this.store.setTableDescription(key, text, editBy(principal)))) throw new NotFoundError(`Table ${key} not found`);
  }

  async setColumnDescription(key: string, column: string, description: unknown, principal: Principal): Promise<void> {
    const text = this.descriptionText(description);
    assertCanEdit(principal, (await this.require(key)).owners);
    if (!(await this.store.setColumnDescription(key, column, text, editBy(principal)))) {
      throw new NotFoundError(`Column ${column} of table ${key} not found`);
    }
  }

  async changeTag(op: 'add' | 'remove', key: string, tag: string, tagType: string | undefined, principal: Principal) {
    const type = tagType ?? 'default';
    if (type === 'badge') throw new InvalidInputError('Badges are set with /badge/{badge}?category=..., not as tags');
    const problem = tagProblem(tag) ?? tagProblem(type);
    if (problem) throw new InvalidInputError(`A tag and its tag_type ${problem}`);
    if (op === 'add' && this.config.badges.some((b) => b.badge_name === tag)) {
      throw new ConflictError(`${tag} is a badge; add it with /badge/${tag}?category=...`);
    }
    assertCanEdit(principal, (await this.require(key)).owners);
    const edit = editBy(principal);
    if (op === 'add') await this.store.addTag('table', key, { tag_name: tag, tag_type: type }, edit);
    else await this.store.removeTag('table', key, tag, edit);
    return { message: `${op === 'add' ? 'Added' : 'Removed'} tag ${tag} ${op === 'add' ? 'to' : 'from'} table ${key}` };
  }

  async changeBadge(op: 'add' | 'remove', key: string, badgeName: string, category: string | undefined, principal: Principal) {
    if (!category) throw new InvalidInputError('The category query parameter is required');
    const badge: Badge = { badge_name: badgeName, category };
    if (!this.config.badges.some((b) => b.badge_name === badgeName && b.category === category)) {
      throw new NotFoundError(`Badge ${badgeName} (${category}) is not one of the allowed badges (WHITELIST_BADGES)`);
    }
    assertCanEdit(principal, (await this.require(key)).owners);
    const edit = editBy(principal);
    if (op === 'add') await this.store.addBadge('table', key, badge, edit);
    else await this.store.removeBadge('table', key, badge, edit);
    return { message: `${op === 'add' ? 'Added' : 'Removed'} badge ${badgeName} ${op === 'add' ? 'to' : 'from'} table ${key}` };
  }

  /** Owners are people Fram can resolve (store, then directory); any owner id may be removed. */
  async changeOwner(op: 'add' | 'remove', key: string, owner: string, principal: Principal) {
    const problem = idProblem(owner);
    if (problem) throw new InvalidInputError(`An owner is a user id, such as an email address; this one ${problem}`);
    assertCanEdit(principal, (await this.require(key)).owners);
    const edit = editBy(principal);
    let userKey = owner;
    if (op === 'add') {
      const user = await this.users.find(owner); // creates the person from the directory when missing
      if (!user) throw new NotFoundError(`User ${owner} not found in the catalog or the user directory; owners must be people Fram knows`);
      userKey = user.user_id;
      await this.store.addOwner('table', key, userKey, edit);
    } else {
      await this.store.removeOwner('table', key, owner, edit);
    }
    return { message: `${op === 'add' ? 'Added' : 'Removed'} owner ${userKey} ${op === 'add' ? 'to' : 'from'} table ${key}` };
  }

  private async require(key: string): Promise<StoredTable> {
    const table = await this.store.getTable(key);
    if (!table) throw new NotFoundError(`Table ${key} not found`);
    return table;
  }

  private descriptionText(description: unknown): string {
    if (typeof description !== 'string') throw new InvalidInputError('The body must be {"description": "..."}');
    const problem = descriptionProblem(description);
    if (problem) throw new InvalidInputError(`A description ${problem}`);
    return description;
  }
}
