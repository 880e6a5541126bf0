import { DomainError } from '@fram/errors';
import type { User } from '@fram/models';
import { BackendError } from '../backends/backend-error';
import type { MetadataClient } from '../backends/backend-clients';

/** 422: the person named as an owner is known neither to Fram nor to the identity provider; nothing was changed. */
export class UnknownPersonError extends DomainError {
  readonly status = 422;
  readonly code = 'unknown_person';

  constructor(readonly address: string) {
    super(`No one with the address ${address} is known to Fram or the identity provider`);
  }
}

/**
 * The person an owner change names, resolved by metadata (its store, then the
 * identity provider's directory), before anything is changed: their user id
 * as metadata knows it. An address nobody answers to is a 422
 * (UnknownPersonError); other refusals and outages pass on as they are.
 */
export async function resolveOwner(metadata: MetadataClient, owner: string, token: string): Promise<string> {
  let person: Partial<User> | undefined;
  try {
    person = await metadata.get<Partial<User> | undefined>(`/user/${encodeURIComponent(owner)}`, token);
  } catch (error) {
    if (error instanceof BackendError && error.status === 404) throw new UnknownPersonError(owner);
    throw error;
  }
  return typeof person?.user_id === 'string' && person.user_id !== '' ? person.user_id : owner;
}

/**
 * The user id an owner change names: a new owner (PUT) resolved by resolveOwner, so that only
 * people Fram can find are added; a removal (DELETE) as given, with no look-up.
 */
export function ownerForChange(metadata: MetadataClient, method: 'PUT' | 'DELETE', owner: string, token: string): Promise<string> {
  return method === 'PUT' ? resolveOwner(metadata, owner, token) : Promise.resolve(owner);
}
