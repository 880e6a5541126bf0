import { DependencyUnavailableError } from '@fram/errors';
import type { SearchResourceType } from '@fram/models';
import type { BuiltDocument } from './search-documents';
import type { SetAsideDocument } from './sync-state';

/** Documents per PUT, and characters of JSON per PUT (search takes up to 50 MB a request). */
const MAX_BATCH_DOCUMENTS = 500;
const MAX_BATCH_CHARS = 8_000_000;
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
 * Sends whole documents to search (`PUT /v2/documents/{type}`). Search refuses
 * a whole batch for one bad document, so a refused batch is split in halves
 * until the refused documents are found alone; the rest go through. A 5xx,
 * an auth failure or no answer throws DependencyUnavailableError: nothing is
 * set aside then, the caller retries later.
 */
export class SearchSender {
  constructor(
    private readonly searchUrl: string,
    private readonly token: () => Promise<string>,
  ) {}

  async send(type: SearchResourceType, documents: readonly BuiltDocument[]): Promise<SendOutcome> {
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

  private async sendSplitting(type: SearchResourceType, batch: Serialized[], outcome: SendOutcome): Promise<void> {
    const refusal = await this.put(type, batch);
    if (refusal === undefined) {
      outcome.delivered.push(...batch.map((s) => s.built));
    } else if (batch.length === 1) {
      const { built } = batch[0]!;
      outcome.refused.push({ type, key: built.document.key, resource_key: built.resourceKey, reason: refusal, at: Date.now() });
    } else {
      const half = Math.ceil(batch.length / 2);
      await this.sendSplitting(type, batch.slice(0, half), outcome);
      await this.sendSplitting(type, batch.slice(half), outcome);
    }
  }

  /** Undefined when search took the batch, or why it refused it. */
  private async put(type: SearchResourceType, batch: Serialized[]): Promise<string | undefined> {
    let response: Response;
    try {
      response = await fetch(`${this.searchUrl}/v2/documents/${type}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await this.token()}`, 'content-type': 'application/json' },
        body: `{"documents":[${batch.map((s) => s.json).join(',')}]}`,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new DependencyUnavailableError(`The search service at ${this.searchUrl} cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return undefined;
    if (!REFUSALS.has(response.status)) throw new DependencyUnavailableError(`The search service answered ${response.status}: ${text.slice(0, 200)}`);
    return `${response.status}: ${messageOf(text).slice(0, 500)}`;
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
