import { connect } from 'node:net';

export interface SimpleResponse {
  status: number;
  headers: Headers;
  text: string;
  json<T = unknown>(): T;
}

/** GET (or another method) with fetch, returning status, headers and the body text. */
export async function call(url: string, init: RequestInit & { token?: string } = {}): Promise<SimpleResponse> {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

/**
 * Sends a hand-written HTTP/1.1 request, for what fetch will not send (two
 * headers of the same name, odd spacing). Returns the status and raw response.
 */
export function rawRequest(url: string, method: string, path: string, headerLines: string[]): Promise<{ status: number; raw: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (raw += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(raw.split(' ')[1]), raw }));
    socket.write([`${method} ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close', ...headerLines, '', ''].join('\r\n'));
  });
}
