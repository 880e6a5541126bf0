import { startDevIdp, type DevIdp } from './dev-idp';
import { call, type SimpleResponse } from './http';
import type { RunningApp } from './test-app';

/** An API app over HTTP with dev-idp as its issuer, and the tokens of who the tests act as. */
export interface ApiStack {
  idp: DevIdp;
  /** The app's base URL (for requests without a token). */
  url: string;
  /** A request with the token of `who` (none when `who` has none), JSON content type unless `init` sets one. */
  as: (who: string, path: string, init?: RequestInit) => Promise<SimpleResponse>;
  close(): Promise<void>;
}

export interface ApiStackParts {
  /** Starts the app that trusts `idp`. */
  app(idp: DevIdp): Promise<RunningApp>;
  /** Gets the tokens, by the name the tests call them. */
  tokens(idp: DevIdp): Promise<Record<string, string>>;
  /** Prepares the running stack (loads data); a failure stops the stack. */
  prepare?(stack: ApiStack): Promise<void>;
}

/** Starts dev-idp and the app, gets the tokens and prepares the stack; stops what it started when a step fails. */
export async function startApiStack(parts: ApiStackParts): Promise<ApiStack> {
  const idp = await startDevIdp();
  let api: RunningApp | undefined;
  try {
    const running = (api = await parts.app(idp));
    const tokens = await parts.tokens(idp);
    const stack: ApiStack = {
      idp,
      url: running.url,
      as: (who, path, init = {}) =>
        call(`${running.url}${path}`, { ...init, token: tokens[who], headers: { 'content-type': 'application/json', ...init.headers } }),
      close: async () => {
        await running.close();
        await idp.stop();
      },
    };
    await parts.prepare?.(stack);
    return stack;
  } catch (error) {
    await api?.close();
    await idp.stop();
    throw error;
  }
}
