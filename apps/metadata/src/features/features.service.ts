import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { ConflictError, DomainError, NotFoundError } from '@fram/errors';
import type { Description, Feature, GenerationCode, Lineage, LineageQuery, Message } from '@fram/models';
import { lineageAnswer } from '../common/lineage-answer';
import { ResourceEditor, type EditableKind } from '../common/resource-editor';
import { FeatureStore, type StoredFeature } from '../store/ports/feature-store';
import { UserResolver } from '../users/user-resolver';

/**
 * 501: an operation of Amundsen's API that nothing behind it answers. Amundsen registers
 * `/feature/{key}/stats` and `/feature/{key}/sample_data` but their handlers are empty stubs (whose
 * parameter is not even the route's: every call fails with a 500), and no proxy keeps either.
 */
export class NotImplementedError extends DomainError {
  readonly status = 501;
  readonly code = 'not_implemented';
}

/** ML feature reads and edits with Amundsen's rules, owners resolved, edits through the shared ResourceEditor. */
@Injectable()
export class FeaturesService {
  private readonly kind: EditableKind<StoredFeature>;

  constructor(
    private readonly features: FeatureStore,
    private readonly users: UserResolver,
    private readonly editor: ResourceEditor,
  ) {
    this.kind = { type: 'feature', find: (key) => this.features.getFeature(key) };
  }

  async detail(key: string): Promise<Feature> {
    const f = await this.editor.require(this.kind, key);
    return {
      key: f.key,
      name: f.name,
      version: f.version,
      status: f.status,
      feature_group: f.feature_group,
      entity: f.entity,
      data_type: f.data_type,
      availability: f.availability,
      description: f.description,
      owners: await Promise.all(f.owners.map((o) => this.users.resolveForDisplay(o))),
      badges: f.badges,
      tags: f.tags,
      programmatic_descriptions: f.programmatic_descriptions,
      watermarks: f.watermarks.map((w) => ({ key: w.key, watermark_type: w.watermark_type, time: w.time })),
      last_updated_timestamp: f.last_updated_timestamp,
      created_timestamp: f.created_timestamp,
    };
  }

  async description(key: string): Promise<Description> {
    return { description: (await this.editor.require(this.kind, key)).description };
  }

  async setDescription(key: string, description: string, principal: Principal): Promise<Message> {
    await this.editor.edit(this.kind, key, principal, (edit) => this.features.setFeatureDescription(key, description, edit));
    return { message: `Description of feature ${key} updated` };
  }

  /** As Amundsen's FeatureTagAPI: owner tags are not editable (409); otherwise the shared tag rules. */
  changeTag(op: 'add' | 'remove', key: string, tag: string, tagType: string | undefined, principal: Principal) {
    if (tagType === 'owner') {
      throw new ConflictError(
        `The tag ${tag} of feature ${key} is an owner tag, which is not editable; owners are set with /feature/{key}/owner/{owner}`,
      );
    }
    return this.editor.changeTag(this.kind, op, key, tag, tagType, principal);
  }

  changeBadge(op: 'add' | 'remove', key: string, badgeName: string, category: string | undefined, principal: Principal) {
    return this.editor.changeBadge(this.kind, op, key, badgeName, category, principal);
  }

  changeOwner(op: 'add' | 'remove', key: string, owner: string, principal: Principal) {
    return this.editor.changeOwner(this.kind, op, key, owner, principal);
  }

  async lineage(key: string, query: LineageQuery): Promise<Lineage> {
    const found = await this.features.featureLineage(key, query.depth);
    if (!found) throw new NotFoundError(`Feature ${key} not found`);
    return lineageAnswer(key, query, found);
  }

  async generationCode(key: string): Promise<GenerationCode> {
    const code = (await this.editor.require(this.kind, key)).generation_code;
    if (!code) throw new NotFoundError(`Feature ${key} has no generation code`);
    return { key: code.key, text: code.text, source: code.source };
  }

  /** `/stats` and `/sample_data`: see NotImplementedError. */
  notKept(what: 'statistics' | 'sample data'): never {
    throw new NotImplementedError(`Fram keeps no ${what} of features; Amundsen's metadata service has only an unimplemented stub here`);
  }
}
