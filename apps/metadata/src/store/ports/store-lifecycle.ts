import type { CheckResult } from '@fram/service';

/** Starting, checking and stopping the store, whichever technology it is. */
export abstract class StoreLifecycle {
  /** Makes the store ready to serve (idempotent), e.g. creates constraints; may fail while the server is down. */
  abstract prepare(): Promise<void>;
  abstract health(): Promise<CheckResult>;
  abstract close(): Promise<void>;
}
