import { DependencyUnavailableError } from '@fram/errors';
import type { IndexedResourceType } from '@fram/models';
import type { BuiltDocument } from './search-documents';
import type { SetAsideDocument } from '@fram/models';

/** Documents per PUT, and characters of JSON per PUT (search takes up to 50 MB a request); keys per DELETE. */
const MAX_BATCH_DOCUMENTS = 500;
const MAX_BATCH_CHARS = 8_000_000;
const MAX_BATCH_KEYS = 500;
/** Answers that refuse the documents themselves; anything else that is not a success means search cannot take them now. */
const REFUSALS = new Set([400, 413, 422]);

interface Serialized {
  built: BuiltDocument;
  json: string;
}

/** What became of some documents: how many search took, and those it refused. */
export interface SendOutcome {
  delivered: BuiltDocument[];
  refused: SetAsideDocument[];
}

/**
 * 503: metadata has no token of its own to call search with: the identity
 * provider's token endpoint refused it (e.g. a wrong SERVICE_CLIENT_SECRET)
 * or cannot be reached. Search itself was not called.
 */
export class ServiceTokenUnavailableError extends DependencyUnavailableError {
  constructor(readonly reason: string) {
    super(`Metadata has no token of its own to call search with (SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET, SERVICE_SCOPES): ${reason}`);
  }
}

/**
 * Sends whole documents to search (`PUT /v2/documents/{type}`), and removes
 * those of resources gone from the catalog (`DELETE /v2/documents/{type}`,
 * see remove). Search refuses a whole batch of documents for a bad one and
 * names it (`documents.<i> (<key>)`, 400 from its schema check, 422 from its
 * index): the documents it names are set aside and the rest sent again. A
 * refusal that names no document in the batch (e.g. metadata and search
 * disagree on the schema) is not the documents' fault: it throws, like a 5xx,
 * an auth failure or no answer (DependencyUnavailableError;
 * ServiceTokenUnavailableError when metadata cannot get its own token),
 * nothing is set aside and the caller retries later. A batch too large (413)
 * is split in halves; a single document too large is set aside.
 */
export class SearchSender {
  constructor(
    private readonly searchUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async send(type: IndexedResourceType, documents: readonly BuiltDocument[]): Promise<SendOutcome> {
    const outcome: SendOutcome = { delivered: [], refused: [] };
    let batch: Serialized[] = [];
    let chars = 0;
    for (const built of documents) {
      const json = JSON.stringify(built.document);
      if (batch.length > 0 && (batch.length >= MAX_BATCH_DOCUMENTS || chars + json.length > MAX_BATCH_CHARS)) {
        await this.sendSplitting(type, batch, outcome);
        batch = [];
        chars = 0;
      }
      batch.push({ built, json });
      chars += json.length;
    }
    if (batch.length > 0) await this.sendSplitting(type, batch, outcome);
    return outcome;
  }

  /**
   * Removes the documents of `keys`, MAX_BATCH_KEYS a request, and answers how many search had (a key it does not
   * have is no error: e.g. reads of a table not ingested yet name it as changed). Any answer but a success throws
   * (DependencyUnavailableError), a 4xx too: a removal holds nothing but keys, which come from the store, so a
   * refusal is metadata and search disagreeing (or search failing), not any key's fault; the caller retries it
   * later rather than set anything aside.
   */
  async remove(type: IndexedResourceType, keys: readonly string[]): Promise<number> {
    let removed = 0;
    for (let i = 0; i < keys.length; i += MAX_BATCH_KEYS) {
      const { ok, status, text } = await this.request('DELETE', type, JSON.stringify({ keys: keys.slice(i, i + MAX_BATCH_KEYS) }));
      if (!ok)
        throw new DependencyUnavailableError(
          `The search service did not remove ${type} documents (${status}: ${messageOf(text).slice(0, 200)})`,
        );
      removed += removedOf(text);
    }
    return removed;
  }

  private async sendSplitting(type: IndexedResourceType, batch: Serialized[], outcome: SendOutcome): Promise<void> {
    for (let rest = batch; rest.length > 0;) {
      const refusal = await this.put(type, rest);
      if (refusal === undefined) {
        outcome.delivered.push(...rest.map((s) => s.built));
        return;
      }
      if (refusal.status === 413 && rest.length > 1) {
        const half = Math.ceil(rest.length / 2);
        await this.sendSplitting(type, rest.slice(0, half), outcome);
        await this.sendSplitting(type, rest.slice(half), outcome);
        return;
      }
      const named = refusal.status === 413 ? new Set([0]) : namedIn(refusal.message, rest);
      if (named.size === 0) {
        throw new DependencyUnavailableError(
          `The search service refused ${type} documents but its answer names no document in the batch, so none is set aside (${refusal.status}: ${refusal.message.slice(0, 200)})`,
        );
      }
      const reason = `${refusal.status}: ${refusal.message.slice(0, 500)}`;
      for (const i of named) {
        const { built } = rest[i];
        outcome.refused.push({ type, key: built.document.key, resource_key: built.resourceKey, reason, at: Date.now() });
      }
      rest = rest.filter((_, i) => !named.has(i));
    }
  }

  /** Undefined when search took the batch, or how it refused it. */
  private async put(type: IndexedResourceType, batch: Serialized[]): Promise<{ status: number; message: string } | undefined> {
    const { ok, status, text } = await this.request('PUT', type, `{"documents":[${batch.map((s) => s.json).join(',')}]}`);
    if (ok) return undefined;
    if (!REFUSALS.has(status)) throw new DependencyUnavailableError(`The search service answered ${status}: ${text.slice(0, 200)}`);
    return { status, message: messageOf(text) };
  }

  /** Search's answer to one request about `type`'s documents; throws when metadata has no token or search no answer. */
  private async request(
    method: 'PUT' | 'DELETE',
    type: IndexedResourceType,
    body: string,
  ): Promise<{ ok: boolean; status: number; text: string }> {
    let token: string;
    try {
      token = await this.token();
    } catch (error) {
      throw new ServiceTokenUnavailableError(error instanceof Error ? error.message : String(error));
    }
    let response: Response;
    try {
      response = await fetch(`${this.searchUrl}/v2/documents/${type}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new DependencyUnavailableError(
        `The search service at ${this.searchUrl} cannot be reached (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const text = await response.text().catch(() => '');
    return { ok: response.ok, status: response.status, text };
  }
}

/** The positions in `batch` of the documents `message` names as search does: `documents.<i> (<key, up to 200 characters>)`. */
function namedIn(message: string, batch: readonly Serialized[]): Set<number> {
  const named = new Set<number>();
  batch.forEach((s, i) => {
    if (message.includes(`documents.${i} (${s.built.document.key.slice(0, 200)})`)) named.add(i);
  });
  return named;
}

/** Search's count in `{"removed": n}`; 0 when the answer has none (it only feeds a log line). */
function removedOf(text: string): number {
  try {
    const { removed } = JSON.parse(text) as { removed?: unknown };
    return typeof removed === 'number' ? removed : 0;
  } catch {
    return 0;
  }
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (Array.isArray(body.message)) return body.message.join('; ');
  } catch {
    // not JSON: the text itself
  }
  return text;
}
