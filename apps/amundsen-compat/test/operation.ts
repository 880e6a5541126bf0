import type { SchemaObject } from 'ajv';
import { amundsenRef, type AmundsenModel } from '@fram/testing';

export type Service = 'metadata' | 'search' | 'frontend';
export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** One of Amundsen's operations: a method on a route of one of its services. */
export interface Operation {
  service: Service;
  method: Method;
  /** Amundsen's route as registered, in Flask's syntax, with its blueprint's url_prefix. */
  route: string;
  /** The file of amundsen-io/amundsen that registers and answers it. */
  source: string;
  /** What Amundsen's own client sends: the path with its query string, and the body (JSON or a multipart form). */
  request: { target: string; json?: unknown; form?: Record<string, string> };
  /**
   * What Amundsen answers on this data: the status (or the statuses, when
   * Amundsen's answer depends on something the data does not decide) and the
   * JSON Schema of the body (unchecked when absent).
   */
  expect: {
    status: number | readonly number[];
    body?: SchemaObject;
    /** Amundsen answers this body JSON-encoded twice (a JSON string holding JSON): either form is taken. */
    jsonInString?: boolean;
  };
  /** Why Amundsen answers so, where its source is surprising. */
  note?: string;
}

/** How an operation is named in the report and in KNOWN_GAPS: `metadata GET /table/<path:table_uri>`. */
export const operationId = (op: Pick<Operation, 'service' | 'method' | 'route'>): string => `${op.service} ${op.method} ${op.route}`;

/** A query string as the React app's `qs.stringify` and `getQueryParams` build it (undefined values left out). */
export function qs(params: Record<string, string | number | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** A model with some of its lists known to hold something on this data. */
export function withItems(model: AmundsenModel, lists: readonly string[]): SchemaObject {
  return { allOf: [amundsenRef(model), nonEmpty(lists)] };
}

export function nonEmpty(lists: readonly string[]): SchemaObject {
  return {
    type: 'object',
    required: [...lists],
    properties: Object.fromEntries(lists.map((l) => [l, { type: 'array', minItems: 1 }])),
  };
}
