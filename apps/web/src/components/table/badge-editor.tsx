import { useEffect, useRef, useState } from 'preact/hooks';
import type { Badge } from '../../types';
import { focusAfterRemoval } from '../editors';
import { ActionError, LiveMessage, useAction } from '../use-action';
import { addableBadges } from './table-facts';

/**
 * A table's badges; for people who may edit, a remove button on each and a choice of the allowed
 * badges (metadata's WHITELIST_BADGES, as GET /api/metadata/v0/allowed_badges lists them) to add.
 */
export function BadgeEditor(props: {
  badges: Badge[];
  editable: boolean;
  /** The badges that may be put on the table; undefined while loading. */
  allowed?: Badge[];
  /** Why the allowed badges could not be loaded (shown to editors). */
  allowedError?: string;
  onAdd: (badge: Badge) => Promise<void>;
  onRemove: (badge: Badge) => Promise<void>;
}) {
  const [choice, setChoice] = useState('');
  const [said, setSaid] = useState('');
  const action = useAction();
  const root = useRef<HTMLDivElement>(null);
  // Once the badges shown reflect a change, the focus goes to the remove button now at `at` (or the last one),
  // else to the badge choice, else to the editor itself: never lost with a button or form that went.
  const [refocus, setRefocus] = useState<{ at: number; before: Badge[] }>();
  const setRefocusAt = (at: number) => setRefocus({ at, before: props.badges });
  const addable = addableBadges(props.allowed ?? [], props.badges);
  useEffect(() => {
    if (!refocus || refocus.before === props.badges) return;
    const fallback = root.current?.querySelector<HTMLElement>('#add-badge') ?? root.current ?? null;
    focusAfterRemoval(root.current?.querySelector('ul') ?? null, refocus.at, fallback);
    setRefocus(undefined);
  }, [props.badges, refocus]);
  if (!props.editable && props.badges.length === 0) return null;
  return (
    <div class="badge-editor" ref={root} tabIndex={-1} aria-label="Badges of the table" role="group">
      {props.badges.length > 0 ? (
        <ul class="badges" aria-label="Badges">
          {props.badges.map((b, index) => (
            <li key={b.badge_name} class="badge" title={b.category ? `Category: ${b.category}` : undefined}>
              {b.badge_name}
              {props.editable && (
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={`Remove badge ${b.badge_name}`}
                  disabled={action.busy}
                  onClick={async () => {
                    setSaid('');
                    if (await action.run(() => props.onRemove(b))) {
                      setSaid(`Badge ${b.badge_name} removed`);
                      setRefocusAt(index);
                    }
                  }}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No badges.</p>
      )}
      {props.editable && addable.length > 0 && (
        <form
          class="chip-add badge-add"
          onSubmit={async (event) => {
            event.preventDefault();
            const badge = addable.find((b) => b.badge_name === (choice || addable[0].badge_name));
            if (!badge) return;
            setSaid('');
            if (await action.run(() => props.onAdd(badge))) {
              setChoice('');
              setSaid(`Badge ${badge.badge_name} added`);
              // The form goes with the last addable badge: the focus must not be lost with it.
              if (addable.length === 1) setRefocusAt(Number.MAX_SAFE_INTEGER);
            }
          }}
        >
          <label for="add-badge">Add a badge</label>
          <select id="add-badge" value={choice || addable[0].badge_name} onChange={(e) => setChoice(e.currentTarget.value)}>
            {addable.map((b) => (
              <option key={b.badge_name} value={b.badge_name}>
                {b.badge_name} ({b.category.replace(/_/g, ' ')})
              </option>
            ))}
          </select>
          <button type="submit" class="secondary" disabled={action.busy}>
            Add
          </button>
        </form>
      )}
      {props.editable && props.allowedError && (
        <p class="error" role="alert">
          The badges that may be added could not be loaded: {props.allowedError}
        </p>
      )}
      <LiveMessage message={said} />
      <ActionError error={action.error} />
    </div>
  );
}
