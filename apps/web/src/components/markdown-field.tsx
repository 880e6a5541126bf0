import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Markdown } from './markdown';

/**
 * A text area for Markdown with a label, Write and Preview buttons (the preview rendered as it will be
 * shown, by `toHtml` when given) and a hint under it.
 */
export function MarkdownField(props: {
  /** The text area's id; the preview's test id and the hint's id derive from it. */
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows: number;
  /** What Markdown the text may use; none for a compact field. */
  hint?: ComponentChildren;
  toHtml?: (source: string) => string;
  autoFocus?: boolean;
  /** The preview's test id (default: the id with `-preview`). */
  previewTestId?: string;
}) {
  const [preview, setPreview] = useState(false);
  const hintId = `${props.id}-hint`;
  return (
    <>
      <div class="editor-head">
        <label for={props.id}>{props.label}</label>
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
        id={props.id}
        rows={props.rows}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        aria-describedby={props.hint ? hintId : undefined}
        hidden={preview}
        autoFocus={props.autoFocus}
      />
      {preview && (
        <div class="markdown-preview" role="region" aria-label="Preview" data-testid={props.previewTestId ?? `${props.id}-preview`}>
          {props.value.trim() ? <Markdown source={props.value} toHtml={props.toHtml} /> : <p class="muted">Nothing to preview.</p>}
        </div>
      )}
      {props.hint && (
        <p class="muted small" id={hintId}>
          {props.hint}
        </p>
      )}
    </>
  );
}
