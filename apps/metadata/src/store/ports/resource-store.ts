import type { Badge, Tag } from '@fram/models';
import type { Edit, ResourceType } from './edit';

/**
 * What every kind of resource has: tags, badges and owners. Each change
 * answers false when the resource does not exist (and only then), and is
 * recorded in the change feed when it does.
 *
 * What a person adds is kept as theirs: re-ingesting the resource replaces
 * only what ingestion gave, so it stays (also when ingestion sends the same
 * one, then stops). A person removing what ingestion gave removes it, until
 * a later run sends it again.
 */
export abstract class ResourceStore {
  abstract addTag(type: ResourceType, key: string, tag: Tag, edit: Edit): Promise<boolean>;
  abstract removeTag(type: ResourceType, key: string, tagName: string, edit: Edit): Promise<boolean>;
  abstract addBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean>;
  abstract removeBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean>;
  abstract addOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean>;
  abstract removeOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean>;
}
