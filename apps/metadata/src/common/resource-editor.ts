import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '@fram/errors';
import { idProblem, tagProblem, type Badge } from '@fram/models';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import type { Edit, ResourceType } from '../store/ports/edit';
import { ResourceStore } from '../store/ports/resource-store';
import { UserResolver } from '../users/user-resolver';
import { assertCanEdit, editBy } from './edit-access';

/** What the editor needs of a resource: its owners, who may edit it without the write role. */
type Owned = { owners: readonly string[] };

/** A kind of editable resource: its type, and how to read one. */
export interface EditableKind<R extends Owned> {
  type: ResourceType;
  find(key: string): Promise<R | undefined>;
}

type Op = 'add' | 'remove';

const done = (op: Op, what: string, type: ResourceType, key: string) =>
  ({ message: `${op === 'add' ? 'Added' : 'Removed'} ${what} ${op === 'add' ? 'to' : 'from'} ${type} ${key}` }) as const;

/**
 * The one path of every edit of a table, a dashboard or any resource to come:
 * the input is validated, the resource must exist (404), the caller must have
 * the write role or own it (403), the store makes the change with its audit
 * entry, and a store answering false (the resource is gone) is a 404 too.
 */
@Injectable()
export class ResourceEditor {
  constructor(
    private readonly resources: ResourceStore,
    private readonly users: UserResolver,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  /** The resource, or a 404 naming it. */
  async require<R extends Owned>(kind: EditableKind<R>, key: string): Promise<R> {
    const found = await kind.find(key);
    if (!found) throw notFound(kind.type, key);
    return found;
  }

  /** Authorises `principal` on the resource, then applies `change`; false from the store is `missing` (404). */
  async edit<R extends Owned>(
    kind: EditableKind<R>,
    key: string,
    principal: Principal,
    change: (edit: Edit) => Promise<boolean>,
    missing: () => NotFoundError = () => notFound(kind.type, key),
  ): Promise<void> {
    assertCanEdit(principal, (await this.require(kind, key)).owners);
    if (!(await change(editBy(principal)))) throw missing();
  }

  /** Tags of `tag_type` (default `default`); badges are not tags, and a badge's name is not a tag's. */
  async changeTag<R extends Owned>(
    kind: EditableKind<R>,
    op: Op,
    key: string,
    tag: string,
    tagType: string | undefined,
    principal: Principal,
  ) {
    const type = tagType ?? 'default';
    if (type === 'badge' && op === 'add') throw new BadgeAsTagError('Badges are set with /badge/{badge}?category=..., not as tags');
    const problem = tagProblem(tag) ?? tagProblem(type);
    if (problem) throw new InvalidInputError(`A tag and its tag_type ${problem}`);
    if (op === 'add' && this.config.badges.some((b) => b.badge_name === tag)) {
      throw new ConflictError(`${tag} is a badge; add it with /badge/${tag}?category=...`);
    }
    await this.edit(kind, key, principal, (edit) =>
      op === 'add'
        ? this.resources.addTag(kind.type, key, { tag_name: tag, tag_type: type }, edit)
        : this.resources.removeTag(kind.type, key, tag, edit),
    );
    return done(op, `tag ${tag}`, kind.type, key);
  }

  /** Only the badges listed in WHITELIST_BADGES. */
  async changeBadge<R extends Owned>(
    kind: EditableKind<R>,
    op: Op,
    key: string,
    badgeName: string,
    category: string | undefined,
    principal: Principal,
  ) {
    const badge = this.allowedBadge(badgeName, category);
    await this.edit(kind, key, principal, (edit) =>
      op === 'add' ? this.resources.addBadge(kind.type, key, badge, edit) : this.resources.removeBadge(kind.type, key, badge, edit),
    );
    return done(op, `badge ${badgeName}`, kind.type, key);
  }

  /** The badge when WHITELIST_BADGES lists it (with `edit`, the path of badges of a resource's parts): 400 without a category, else 404. */
  allowedBadge(badgeName: string, category: string | undefined): Badge {
    if (!category) throw new InvalidInputError('The category query parameter is required');
    if (!this.config.badges.some((b) => b.badge_name === badgeName && b.category === category)) {
      throw new NotFoundError(`Badge ${badgeName} (${category}) is not one of the allowed badges (WHITELIST_BADGES)`);
    }
    return { badge_name: badgeName, category };
  }

  /** Owners added are people Fram can resolve (store, then directory); any owner id may be removed. */
  async changeOwner<R extends Owned>(kind: EditableKind<R>, op: Op, key: string, owner: string, principal: Principal) {
    const problem = idProblem(owner);
    if (problem) throw new InvalidInputError(`An owner is a user id, such as an email address; this one ${problem}`);
    let userKey = owner;
    await this.edit(kind, key, principal, async (edit) => {
      if (op === 'remove') return this.resources.removeOwner(kind.type, key, owner, edit);
      const user = await this.users.find(owner); // creates the person from the directory when missing
      if (!user) throw new NotFoundError(`User ${owner} not found in the catalog or the user directory; owners must be people Fram knows`);
      userKey = user.user_id;
      return this.resources.addOwner(kind.type, key, userKey, edit);
    });
    return done(op, `owner ${userKey}`, kind.type, key);
  }
}

/** 406, as Amundsen answers adding a tag of type `badge` (its TagCommon): badges are not tags. */
class BadgeAsTagError extends DomainError {
  readonly status = 406;
  readonly code = 'not_acceptable';
}

function notFound(type: ResourceType, key: string): NotFoundError {
  return new NotFoundError(`${type.charAt(0).toUpperCase()}${type.slice(1)} ${key} not found`);
}
