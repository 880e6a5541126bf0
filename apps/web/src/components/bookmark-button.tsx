import { useState } from 'preact/hooks';
import { useMe } from '../me';

/** A toggle (aria-pressed) that bookmarks a table or dashboard for the signed-in person. */
export function BookmarkButton(props: { type: 'table' | 'dashboard'; resourceKey: string }) {
  const { isBookmarked, setBookmark } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const on = isBookmarked(props.resourceKey);
  return (
    <span class="bookmark">
      <button
        type="button"
        class={on ? 'bookmark-button on' : 'bookmark-button'}
        aria-pressed={on}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          try {
            await setBookmark(props.type, props.resourceKey, !on);
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <span aria-hidden="true">{on ? '★' : '☆'}</span> {on ? 'Bookmarked' : 'Bookmark'}
      </button>
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
