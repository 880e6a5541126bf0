import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { descriptionProblem, tagProblem, type DashboardDetail } from '@fram/models';
import { assertCanEdit, editBy } from '../common/edit-access';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { MetadataStore, type StoredDashboard } from '../store/metadata-store';
import { UserResolver } from '../users/user-resolver';

/** Dashboard reads and edits, people resolved, edits authorised (write role or ownership). */
@Injectable()
export class DashboardsService {
  constructor(
    private readonly store: MetadataStore,
    private readonly users: UserResolver,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  async detail(key: string): Promise<DashboardDetail> {
    const d = await this.require(key);
    const [owners, frequentUsers] = await Promise.all([
      Promise.all(d.owners.map((o) => this.users.resolveForDisplay(o))),
      Promise.all(d.readers.map(async (r) => ({ user: await this.users.resolveForDisplay(r.user), read_count: r.read_count }))),
    ]);
    const { readers: _readers, owners: _owners, ...rest } = d;
    return {
      ...rest,
      updated_timestamp: null,
      last_run_timestamp: d.last_successful_run_timestamp,
      last_run_state: d.last_successful_run_timestamp === null ? null : 'succeeded',
      owners,
      frequent_users: frequentUsers,
      query_names: [],
      queries: [],
    };
  }

  async description(key: string): Promise<{ description: string | null }> {
    return { description: (await this.require(key)).description };
  }

  async setDescription(key: string, description: unknown, principal: Principal): Promise<void> {
    if (typeof description !== 'string') throw new InvalidInputError('The body must be {"description": "..."}');
    const problem = descriptionProblem(description);
    if (problem) throw new InvalidInputError(`A description ${problem}`);
    assertCanEdit(principal, (await this.require(key)).owners);
    await this.store.setDashboardDescription(key, description, editBy(principal));
  }

  async changeTag(op: 'add' | 'remove', key: string, tag: string, tagType: string | undefined, principal: Principal) {
    const type = tagType ?? 'default';
    if (type === 'badge') throw new InvalidInputError('Badges are set with /badge/{badge}?category=..., not as tags');
    const problem = tagProblem(tag) ?? tagProblem(type);
    if (problem) throw new InvalidInputError(`A tag and its tag_type ${problem}`);
    assertCanEdit(principal, (await this.require(key)).owners);
    const edit = editBy(principal);
    if (op === 'add') await this.store.addTag('dashboard', key, { tag_name: tag, tag_type: type }, edit);
    else await this.store.removeTag('dashboard', key, tag, edit);
    return { message: `${op === 'add' ? 'Added' : 'Removed'} tag ${tag} ${op === 'add' ? 'to' : 'from'} dashboard ${key}` };
  }

  async changeBadge(op: 'add' | 'remove', key: string, badgeName: string, category: string | undefined, principal: Principal) {
    if (!category) throw new InvalidInputError('The category query parameter is required');
    if (!this.config.badges.some((b) => b.badge_name === badgeName && b.category === category)) {
      throw new NotFoundError(`Badge ${badgeName} (${category}) is not one of the allowed badges (WHITELIST_BADGES)`);
    }
    assertCanEdit(principal, (await this.require(key)).owners);
    const edit = editBy(principal);
    const badge = { badge_name: badgeName, category };
    if (op === 'add') await this.store.addBadge('dashboard', key, badge, edit);
    else await this.store.removeBadge('dashboard', key, badge, edit);
    return { message: `${op === 'add' ? 'Added' : 'Removed'} badge ${badgeName} ${op === 'add' ? 'to' : 'from'} dashboard ${key}` };
  }

  private async require(key: string): Promise<StoredDashboard> {
    const dashboard = await this.store.getDashboard(key);
    if (!dashboard) throw new NotFoundError(`Dashboard ${key} not found`);
    return dashboard;
  }
}
