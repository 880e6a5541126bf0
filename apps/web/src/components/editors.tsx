import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { userHref } from '../routes';
import type { Tag, User } from '../types';
import { Link } from './link';
import { Markdown } from './markdown';
import { MarkdownField } from './markdown-field';
import { PeoplePicker } from './people-picker';
import { ActionError, LiveMessage, useAction } from './use-action';

/** What a description may use, under its editor. */
const DESCRIPTION_HINT = 'Markdown: a blank line between paragraphs, - for a list item, [text](https://…) for a link.';

/** A description (Markdown): rendered for everyone; an Edit button, a text area with a preview and Save for people who may edit. */
export function EditableDescription(props: {
  value: string | null;
  editable: boolean;
  onSave: (text: string) => Promise<void>;
  /** The editor's label (e.g. "Description of the table"). */
  label: string;
  /** Distinguishes several editors on one page. */
  id?: string;
  /** The Edit button's text. */
  editLabel?: string;
  compact?: boolean;
}) {
  const id = props.id ?? 'description';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.value ?? '');
  const save = useAction();
  // What was just saved is shown at once, until the page's data comes back with it.
  const [saved, setSaved] = useState<string>();
  useEffect(() => setSaved(undefined), [props.value]);
  const shown = saved ?? props.value;
  if (!editing) {
    return (
      <div class="description">
        {shown ? (
          <Markdown source={shown} testId={id} />
        ) : (
          <p class="muted" data-testid={id}>
            {props.compact ? '—' : 'No description yet.'}
          </p>
        )}
        {props.editable && (
          <button
            type="button"
            class="secondary"
            aria-label={`Edit ${props.label.charAt(0).toLowerCase()}${props.label.slice(1)}`}
            onClick={() => {
              setDraft(shown ?? '');
              save.setError(undefined);
              setEditing(true);
            }}
          >
            {props.editLabel ?? 'Edit description'}
          </button>
        )}
      </div>
    );
  }
  return (
    <form
      class="description editing"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await save.run(() => props.onSave(draft))) {
          setSaved(draft);
          setEditing(false);
        }
      }}
    >
      <MarkdownField
        id={`${id}-editor`}
        previewTestId={`${id}-preview`}
        label={props.label}
        value={draft}
        onInput={setDraft}
        rows={props.compact ? 2 : 4}
        hint={props.compact ? undefined : DESCRIPTION_HINT}
        autoFocus
      />
      <ActionError error={save.error} />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="secondary" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Where the focus goes once item `index` of a chip list is gone: the remove button of the item now in its place
 * (or the one before it when it was the last), else `fallback` (the add field).
 */
export function focusAfterRemoval(list: HTMLElement | null, index: number, fallback: HTMLElement | null) {
  const buttons = list ? [...list.querySelectorAll<HTMLElement>('button.chip-remove')] : [];
  (buttons[Math.min(index, buttons.length - 1)] ?? fallback)?.focus();
}

/** A list of chips (tags or owners) with remove buttons and an add field when editable. */
function ChipEditor(props: {
  items: { id: string; label: string; href?: string; detail?: string }[];
  editable: boolean;
  noun: string;
  /** The add field's label, e.g. "Add an owner". */
  addLabel: string;
  placeholder: string;
  onAdd: (value: string) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  /** Replaces the plain add field (e.g. a people picker, which shows its own errors). */
  adder?: ComponentChildren;
  /** The add field's id (where the focus goes when no chip is left to remove). */
  inputId?: string;
}) {
  const [value, setValue] = useState('');
  const [said, setSaid] = useState('');
  const action = useAction();
  const list = useRef<HTMLUListElement>(null);
  const inputId = props.inputId ?? `add-${props.noun}`;
  // After a removal, once the list shows it: focus the next chip's remove button, or the add field.
  // (The items are made anew on each render: their ids tell whether the list changed.)
  const itemIds = props.items.map((i) => i.id).join('\n');
  const [removed, setRemoved] = useState<{ at: number; before: string }>();
  useEffect(() => {
    if (!removed || removed.before === itemIds) return;
    focusAfterRemoval(list.current, removed.at, document.getElementById(inputId));
    setRemoved(undefined);
  }, [itemIds, removed]);
  const remove = async (index: number, item: { id: string; label: string }) => {
    setSaid('');
    if (await action.run(() => props.onRemove(item.id))) {
      setSaid(`${item.label} removed`);
      setRemoved({ at: index, before: itemIds });
    }
  };
  return (
    <div class="chips">
      {props.items.length === 0 && <p class="muted">No {props.noun}s.</p>}
      <ul ref={list}>
        {props.items.map((item, index) => (
          <li key={item.id} class="chip">
            {item.href ? <Link href={item.href}>{item.label}</Link> : item.label}
            {item.detail && <span class="chip-detail">{item.detail}</span>}
            {props.editable && (
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${props.noun} ${item.label}`}
                onClick={() => remove(index, item)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.editable && props.adder}
      {props.editable && !props.adder && (
        <form
          class="chip-add"
          onSubmit={async (event) => {
            event.preventDefault();
            const text = value.trim();
            if (text && (await action.run(() => props.onAdd(text)))) {
              setValue('');
              setSaid(`${text} added`);
            }
          }}
        >
          <label class="visually-hidden" for={inputId}>
            {props.addLabel}
          </label>
          <input id={inputId} value={value} placeholder={props.placeholder} onInput={(e) => setValue(e.currentTarget.value)} />
          <button type="submit" class="secondary">
            Add
          </button>
        </form>
      )}
      <LiveMessage message={said} />
      <ActionError error={action.error} />
    </div>
  );
}

export function TagEditor(props: {
  tags: Tag[];
  editable: boolean;
  onAdd: (tag: string) => Promise<void>;
  onRemove: (tag: string) => Promise<void>;
  searchHref: (tag: string) => string;
}) {
  return (
    <ChipEditor
      items={props.tags.map((t) => ({ id: t.tag_name, label: t.tag_name, href: props.searchHref(t.tag_name) }))}
      editable={props.editable}
      noun="tag"
      addLabel="Add a tag"
      placeholder="new tag"
      onAdd={props.onAdd}
      onRemove={props.onRemove}
    />
  );
}

/** A person's name where known (not only their address). */
export function personName(user: Pick<User, 'email' | 'user_id' | 'display_name' | 'full_name'>): string {
  return user.full_name || user.display_name || user.email || user.user_id;
}

/**
 * Owners as chips with each person's name (their address beside it when the name is known) linking to their
 * profile; editors remove them, and add people with the people picker. Only people Fram can resolve are
 * accepted (the server refuses others with a message, shown by the field).
 */
export function OwnerEditor(props: {
  owners: User[];
  editable: boolean;
  onAdd: (owner: string) => Promise<void>;
  onRemove: (owner: string) => Promise<void>;
  /** Distinguishes several owner editors on one page. */
  id?: string;
}) {
  return (
    <ChipEditor
      items={props.owners.map((o) => {
        const label = personName(o);
        return { id: o.user_id, label, href: userHref(o.user_id), detail: o.email && o.email !== label ? o.email : undefined };
      })}
      editable={props.editable}
      noun="owner"
      addLabel="Add an owner"
      placeholder="name@company.com"
      onAdd={props.onAdd}
      onRemove={props.onRemove}
      inputId={props.id ?? 'add-owner'}
      adder={
        <PeoplePicker
          id={props.id ?? 'add-owner'}
          label="Add an owner"
          exclude={props.owners.flatMap((o) => [o.user_id, o.email])}
          onPick={props.onAdd}
          added={(name) => `${name} added as owner`}
        />
      }
    />
  );
}
