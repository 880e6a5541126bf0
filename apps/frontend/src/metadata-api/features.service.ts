import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { keyPath } from '../backends/backend-client';
import { MetadataClient } from '../backends/backend-clients';
import { featurePage, lineagePage, type FeatureAnswer, type LineageAnswer } from './amundsen-marshal';
import { canEdit } from './edit-rights';
import type { FeatureLineageQueryDto } from './metadata-api.dtos';
import { ownerForChange } from './owner-resolution';

/**
 * Amundsen's frontend feature answers (ML features: `{group}/{name}/{version}`),
 * from metadata's `/feature/...` operations, asked with the caller's access token.
 */
@Injectable()
export class FrontendFeaturesService {
  constructor(private readonly metadata: MetadataClient) {}

  /** The feature as the feature page reads it, with `is_editable` for the caller (the UI shows edit controls only then). */
  async feature(key: string, token: string, principal: Principal) {
    const feature = await this.metadata.get<FeatureAnswer>(`/feature/${keyPath(key)}`, token);
    return {
      msg: 'Success',
      status_code: 200,
      featureData: { ...featurePage(feature, key), is_editable: canEdit(principal, feature.owners ?? []) },
    };
  }

  async description(key: string, token: string) {
    const answer = await this.metadata.get<{ description: string | null }>(`/feature/${keyPath(key)}/description`, token);
    return { msg: 'Success', description: answer.description };
  }

  async setDescription(key: string, description: string, token: string) {
    await this.metadata.call('PUT', `/feature/${keyPath(key)}/description`, token, { description });
    return { msg: 'Success' };
  }

  /** The code that generates the feature, as metadata gives it (`{key, text, source}`), as Amundsen's frontend answers it. */
  generationCode(key: string, token: string) {
    return this.metadata.get<{ text: string }>(`/feature/${keyPath(key)}/generation_code`, token);
  }

  async lineage({ key, depth, direction }: FeatureLineageQueryDto, token: string) {
    return lineagePage(
      await this.metadata.get<LineageAnswer>(`/feature/${keyPath(key)}/lineage?depth=${depth}&direction=${direction}`, token),
    );
  }

  /** A new owner must be someone Fram or the identity provider knows (else 422, nothing changed). */
  async changeOwner(method: 'PUT' | 'DELETE', key: string, owner: string, token: string) {
    const id = await ownerForChange(this.metadata, method, owner, token);
    await this.metadata.call(method, `/feature/${keyPath(key)}/owner/${encodeURIComponent(id)}`, token);
    return { msg: 'Updated owner' };
  }

  /** Metadata records the change and tells search itself, as for tables: one call that happens or not. */
  async changeTag(method: 'PUT' | 'DELETE', key: string, tag: string, token: string) {
    await this.metadata.call(method, `/feature/${keyPath(key)}/tag/${encodeURIComponent(tag)}`, token);
    return { msg: 'Success' };
  }
}
