/** A document refused before it was parsed because it is too large. */
export class DocumentTooLargeError extends Error {
  constructor(what: string, maxBytes: number) {
    super(`${what} is larger than ${maxBytes} bytes; refused without parsing it`);
  }
}

export interface BoundedFetchOptions {
  /** Names the document in errors, e.g. "the key set". */
  what: string;
  maxBytes: number;
  timeoutMs: number;
  accept?: string;
}

/**
 * GETs a JSON document, reading at most `maxBytes` of it: a Content-Length
 * above the limit is refused before the body is read, and the body is counted
 * as it arrives (decoded, so a compressed body cannot grow past the limit
 * either) and dropped as soon as it passes the limit. Nothing larger is ever
 * buffered or parsed. Redirects are not followed.
 */
export async function fetchBoundedJson(url: string, options: BoundedFetchOptions): Promise<unknown> {
  const { what, maxBytes } = options;
  const response = await fetch(url, {
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { accept: options.accept ?? 'application/json' },
    redirect: 'error',
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`${what} answered ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new DocumentTooLargeError(what, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new DocumentTooLargeError(what, maxBytes);
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown;
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}
