import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { errorMessage, LiveMessage } from './use-action';
import {
  enterChoice,
  optionsFor,
  personOptions,
  searchSize,
  suggestionsMessage,
  valueAfterPick,
  type Found,
  type PersonOption,
  type UserHit,
} from './people-options';

export type { PersonOption } from './people-options';

/** How long typing must pause before the picker asks search (one request per pause, not per key). */
const DEBOUNCE_MS = 250;

/** People matching `term`, from the frontend's search (people only), without those in `exclude`. */
async function findPeople(term: string, exclude: ReadonlySet<string>): Promise<PersonOption[]> {
  const answer = await api<{ user?: { results: UserHit[] } }>('POST', '/api/search/v1/search', {
    searchTerm: term,
    pageIndex: 0,
    resultsPerPage: searchSize(exclude.size),
    resources: ['user'],
    filters: {},
  });
  return personOptions(answer.user?.results ?? [], exclude);
}

/**
 * A field that offers matching people as one types (WAI-ARIA combobox with a listbox popup): arrow keys move
 * through the suggestions, Enter picks the highlighted one (or adds what was typed), Escape closes the list.
 * The server decides whether an address is someone Fram knows; its refusal is shown under the field.
 */
export function PeoplePicker(props: {
  /** Distinguishes several pickers on a page. */
  id: string;
  label: string;
  /** People already chosen (user ids or emails), not offered again. */
  exclude: readonly string[];
  onPick: (userId: string) => Promise<void>;
  /** What the live region says once a person is added (given their name). */
  added?: (name: string) => string;
}) {
  const { id } = props;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const [value, setValue] = useState('');
  // What search answered, with the term it was for: shown only while the field still holds that term.
  const [found, setFound] = useState<Found>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const request = useRef(0);
  const shown = optionsFor(found, value);
  const options = shown?.options ?? [];
  const excludeKey = props.exclude.map((e) => e.toLowerCase()).join(',');

  useEffect(() => {
    const term = value.trim();
    const current = ++request.current;
    if (term.length < 2) {
      setFound(undefined);
      setActive(-1);
      return;
    }
    const timer = setTimeout(() => {
      findPeople(term, new Set(excludeKey.split(',').filter(Boolean))).then(
        (people) => {
          if (current !== request.current) return;
          setFound({ term, options: people, failed: false });
          setActive(-1);
        },
        () => {
          if (current !== request.current) return;
          setFound({ term, options: [], failed: true });
          setActive(-1);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, excludeKey]);

  const expanded = open && options.length > 0;

  const pick = async (userId: string) => {
    const chosen = userId.trim();
    if (!chosen || busy) return;
    const atPick = value;
    const name = options.find((o) => o.user_id === chosen)?.name ?? chosen;
    setBusy(true);
    setError(undefined);
    setSaid('');
    try {
      await props.onPick(chosen);
      // Text typed while the pick was on its way stays (and keeps its suggestions).
      setValue((now) => valueAfterPick(now, atPick));
      setOpen(false);
      setActive(-1);
      setSaid(props.added ? props.added(name) : `${name} added`);
    } catch (e) {
      setError(errorMessage(e));
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!options.length) return;
        setOpen(true);
        setActive((i) => (!expanded ? 0 : (i + 1) % options.length));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!options.length) return;
        setOpen(true);
        setActive((i) => (!expanded || i <= 0 ? options.length - 1 : i - 1));
        return;
      case 'Enter':
        event.preventDefault();
        void pick(enterChoice(options, active, expanded, value));
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (value) {
          event.preventDefault();
          setValue('');
        }
        return;
      default:
    }
  };

  const described = [error ? errorId : undefined, hintId].filter(Boolean).join(' ');
  const announcement = said || suggestionsMessage(shown, open);

  return (
    <div class="people-picker">
      <form
        class="chip-add"
        onSubmit={(event) => {
          event.preventDefault();
          void pick(enterChoice(options, active, expanded, value));
        }}
      >
        <label class="visually-hidden" for={id}>
          {props.label}
        </label>
        <div class="people-picker-field">
          <input
            id={id}
            type="text"
            role="combobox"
            autoComplete="off"
            spellcheck={false}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            aria-describedby={described}
            aria-invalid={error ? true : undefined}
            placeholder="Name or email"
            value={value}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              // The highlighted suggestion was for the old text: Enter now adds what is typed until one is chosen again.
              setActive(-1);
              setOpen(true);
              setError(undefined);
              setSaid('');
            }}
            onKeyDown={onKeyDown}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
          />
          <ul id={listId} role="listbox" aria-label="Matching people" class="people-picker-list" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option.user_id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                class={index === active ? 'active' : undefined}
                // Keeps the focus in the field, so that the click picks rather than blurs.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => void pick(option.user_id)}
              >
                <span class="people-picker-name">{option.name}</span>
                {option.name !== option.email && <span class="people-picker-email">{option.email}</span>}
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" class="secondary" disabled={busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </form>
      <p class="visually-hidden" id={hintId}>
        Type a name or an email address; suggestions appear as you type.
      </p>
      <LiveMessage message={announcement} />
      {error && (
        <p class="error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
