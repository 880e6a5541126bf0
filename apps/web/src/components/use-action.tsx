import { useState } from 'preact/hooks';

/** The message of whatever an action threw. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * An action started from the page (a save, an add, a removal): `run` clears the last error, marks the
 * action busy while it runs, and keeps its error to show (ActionError); it answers whether it succeeded.
 */
export function useAction() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setError(undefined);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}

/** An action's error, announced when it appears. */
export function ActionError(props: { error: string | undefined; id?: string }) {
  if (!props.error) return null;
  return (
    <p class="error" role="alert" id={props.id}>
      {props.error}
    </p>
  );
}

/** A message screen readers announce politely (what an action did), not shown on the page. */
export function LiveMessage(props: { message: string }) {
  return (
    <p class="visually-hidden" role="status" aria-live="polite">
      {props.message}
    </p>
  );
}
