import { useEffect, useState } from 'preact/hooks';
import { userHref } from '../routes';
import type { Tag, User } from '../types';
import { Link } from './link';
import { Markdown } from './markdown';

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
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState(false);
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
              setPreview(false);
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
        setSaving(true);
        setError(undefined);
        try {
          await props.onSave(draft);
          setSaved(draft);
          setEditing(false);
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        } finally {
          setSaving(false);
        }
      }}
    >
      <div class="editor-head">
        <label for={`${id}-editor`}>{props.label}</label>
        <div class="editor-mode" role="group" aria-label="Editor view">
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
      </div>
      {/* Hidden, not removed, in the preview: the label keeps its field and the browser its undo history. */}
      <textarea
        id={`${id}-editor`}
        rows={props.compact ? 2 : 4}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        aria-describedby={props.compact ? undefined : `${id}-hint`}
        hidden={preview}
        autoFocus
      />
      {preview && (
        <div class="markdown-preview" role="region" aria-label="Preview" data-testid={`${id}-preview`}>
          {draft.trim() ? <Markdown source={draft} /> : <p class="muted">Nothing to preview.</p>}
        </div>
      )}
      {!props.compact && (
        <p class="muted small" id={`${id}-hint`}>
          Markdown: a blank line between paragraphs, - for a list item, [text](https://…) for a link.
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="secondary" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A list of chips (tags or owners) with remove buttons and an add field when editable. */
function ChipEditor(props: {
  items: { id: string; label: string; href?: string }[];
  editable: boolean;
  noun: string;
  /** The add field's label, e.g. "Add an owner". */
  addLabel: string;
  placeholder: string;
  onAdd: (value: string) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="chips">
      {props.items.length === 0 && <p class="muted">No {props.noun}s.</p>}
      <ul>
        {props.items.map((item) => (
          <li key={item.id} class="chip">
            {item.href ? <Link href={item.href}>{item.label}</Link> : item.label}
            {props.editable && (
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${props.noun} ${item.label}`}
                onClick={() => run(() => props.onRemove(item.id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.editable && (
        <form
          class="chip-add"
          onSubmit={(event) => {
            event.preventDefault();
            const text = value.trim();
            if (text) void run(async () => (await props.onAdd(text), setValue('')));
          }}
        >
          <label class="visually-hidden" for={`add-${props.noun}`}>
            {props.addLabel}
          </label>
          <input id={`add-${props.noun}`} value={value} placeholder={props.placeholder} onInput={(e) => setValue(e.currentTarget.value)} />
          <button type="submit" class="secondary">
            Add
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
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

export function OwnerEditor(props: {
  owners: User[];
  editable: boolean;
  onAdd: (owner: string) => Promise<void>;
  onRemove: (owner: string) => Promise<void>;
}) {
  return (
    <ChipEditor
      items={props.owners.map((o) => ({ id: o.user_id, label: o.display_name || o.email, href: userHref(o.user_id) }))}
      editable={props.editable}
      noun="owner"
      addLabel="Add an owner"
      placeholder="name@company.com"
      onAdd={props.onAdd}
      onRemove={props.onRemove}
    />
  );
}
