import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-load';

/** A loading line, an error, or the content once the data is there. */
export function Status<T>(props: { of: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { data, error, loading } = props.of;
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (data === undefined)
    return loading ? (
      <p class="muted" aria-live="polite">
        Loading…
      </p>
    ) : null;
  return <>{props.children(data)}</>;
}
