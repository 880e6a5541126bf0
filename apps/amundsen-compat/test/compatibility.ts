import { amundsenProblems } from '@fram/testing';
import type { CompatStack } from './compat-stack';
import { operationId, type Operation } from './operation';

/** What a service answered. */
export interface Answer {
  status: number;
  text: string;
}

/** An operation and what is wrong with Fram's answer to it (nothing: compatible). */
export interface Outcome {
  id: string;
  operation: Operation;
  problems: string[];
  /** What Fram answered (absent when it did not answer). */
  answer?: Answer;
}

/**
 * What is wrong with `answer` to `operation`, against what Amundsen answers:
 * the status, then (when the status is Amundsen's) the body against the
 * schema. An empty body counts as JSON null.
 */
export function problemsOf(operation: Operation, answer: Answer): string[] {
  const statuses = [operation.expect.status].flat();
  if (!statuses.includes(answer.status)) {
    return [`status ${answer.status}, Amundsen ${statuses.join(' or ')}${gist(answer.text)}`];
  }
  const schema = operation.expect.body;
  if (schema === undefined) return [];
  let body: unknown = null;
  if (answer.text.trim() !== '') {
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [`the answer is not JSON${gist(answer.text)}`];
    }
  }
  if (operation.expect.jsonInString && typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // a plain string: validated (and refused) as it is
    }
  }
  const lines = amundsenProblems(schema, body);
  return lines.length > 4 ? [...lines.slice(0, 4), `(${lines.length - 4} more)`] : lines;
}

/** The start of an error answer, for the report. */
function gist(text: string): string {
  let shown = text;
  try {
    const body = JSON.parse(text) as { message?: unknown; msg?: unknown };
    const said = body.message ?? body.msg;
    if (typeof said === 'string') shown = said;
  } catch {
    // not JSON: the text itself
  }
  shown = shown.replace(/\s+/g, ' ').trim();
  return shown === '' ? '' : `: ${shown.length > 120 ? `${shown.slice(0, 117)}...` : shown}`;
}

/**
 * Sends the operation's request as Amundsen's client does: to metadata and
 * search with the person's bearer token, to the frontend from the signed-in
 * browser (with the session's CSRF token on changes).
 */
export async function call(stack: CompatStack, operation: Operation): Promise<Answer> {
  const { json, form, target } = operation.request;
  const url = `${stack.urls[operation.service]}${target}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | FormData | undefined;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = new FormData();
    for (const [k, v] of Object.entries(form)) body.append(k, v);
  }
  let response: Response;
  if (operation.service === 'frontend') {
    if (operation.method !== 'GET') headers['x-csrf-token'] = stack.csrf;
    response = await stack.browser.request(url, { method: operation.method, headers, body });
  } else {
    headers['authorization'] = `Bearer ${stack.token}`;
    response = await fetch(url, { method: operation.method, headers, body, redirect: 'manual' });
  }
  return { status: response.status, text: await response.text() };
}

/** Calls every operation in turn (a change is undone by a later one) and judges each answer. */
export async function runAll(stack: CompatStack, operations: readonly Operation[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const operation of operations) {
    const id = operationId(operation);
    try {
      const answer = await call(stack, operation);
      outcomes.push({ id, operation, problems: problemsOf(operation, answer), answer });
    } catch (error) {
      outcomes.push({ id, operation, problems: [`no answer: ${error instanceof Error ? error.message : String(error)}`] });
    }
  }
  return outcomes;
}

/** The report: what was loaded, one line per operation, and the count. */
export function report(outcomes: readonly Outcome[], loaded: readonly string[]): string {
  const compatible = outcomes.filter((o) => o.problems.length === 0).length;
  const width = Math.max(...outcomes.map((o) => o.operation.route.length));
  const lines = [
    "Amundsen compatibility: Amundsen's operations (amundsen-io/amundsen 2a6ba5803e4849e570bf8106b45495cb02c28483) called on Fram",
    '',
    'Catalog:',
    ...loaded.map((l) => `  ${l}`),
    '',
    ...outcomes.map((o, i) => {
      const { service, method, route } = o.operation;
      const head = `${String(i + 1).padStart(3)}  ${service.padEnd(8)}  ${method.padEnd(6)}  ${route.padEnd(width)}  `;
      return o.problems.length === 0 ? `${head}compatible` : `${head}${o.problems.join('; ')}`;
    }),
    '',
    (['metadata', 'search', 'frontend'] as const)
      .map((service) => {
        const of = outcomes.filter((o) => o.operation.service === service);
        return `${service} ${of.filter((o) => o.problems.length === 0).length} of ${of.length}`;
      })
      .join(', '),
    `Amundsen compatibility: ${compatible} of ${outcomes.length} operations`,
    '',
  ];
  return lines.join('\n');
}

/** Every request and Fram's answer, for whoever closes a gap (JSON bodies parsed). */
export function answers(outcomes: readonly Outcome[]): string {
  const parsed = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text.length > 2000 ? `${text.slice(0, 2000)}...` : text;
    }
  };
  return JSON.stringify(
    outcomes.map(({ id, operation, problems, answer }) => ({
      id,
      request: operation.request,
      expected: operation.expect.status,
      note: operation.note,
      problems,
      status: answer?.status,
      body: answer === undefined ? undefined : parsed(answer.text),
    })),
    null,
    2,
  );
}
