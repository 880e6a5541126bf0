import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab {
  id: string;
  label: ComponentChildren;
}

/** A tab list (WAI-ARIA): arrow keys, Home and End move between tabs; the panel follows the selected tab. */
export function Tabs(props: { label: string; tabs: Tab[]; selected: string; onSelect: (id: string) => void; children: ComponentChildren }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const index = props.tabs.findIndex((t) => t.id === props.selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: props.tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = props.tabs[(next + props.tabs.length) % props.tabs.length];
    props.onSelect(tab.id);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus());
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} ref={list} onKeyDown={move}>
        {props.tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            key={tab.id}
            aria-selected={tab.id === props.selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${props.selected}`} aria-labelledby={`tab-${props.selected}`} tabIndex={0}>
        {props.children}
      </div>
    </div>
  );
}
