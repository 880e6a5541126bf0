import type { ComponentChildren } from 'preact';
import type { Badge } from '../../types';
import { runOutcome } from './run-outcome';

/** A time in seconds since the epoch, as the reader's locale writes it; a dash when there is none. */
export function when(seconds: number | null | undefined): string {
  return seconds ? new Date(seconds * 1000).toLocaleString() : '—';
}

/** A machine-readable time element for seconds since the epoch, or a dash. */
export function Time(props: { seconds: number | null | undefined }) {
  if (!props.seconds) return <span class="muted">—</span>;
  return <time dateTime={new Date(props.seconds * 1000).toISOString()}>{when(props.seconds)}</time>;
}

/** Label–value facts (a description list), each row skipped when its value is undefined. */
export function Facts(props: { facts: [label: string, value: ComponentChildren | undefined][]; label?: string }) {
  const shown = props.facts.filter(([, value]) => value !== undefined);
  return (
    <dl class="facts" aria-label={props.label}>
      {shown.map(([label, value]) => (
        <div key={label} class="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Badges as labelled chips (their category in words, not only a colour). */
export function BadgeList(props: { badges: Pick<Badge, 'badge_name' | 'category'>[]; empty: string }) {
  if (props.badges.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="badges">
      {props.badges.map((b) => (
        <li key={`${b.category}/${b.badge_name}`} class="badge" title={b.category ? `Category: ${b.category}` : undefined}>
          {b.badge_name}
        </li>
      ))}
    </ul>
  );
}

/** A run's state in words with a symbol beside it (never a colour alone). */
export function RunState(props: { state: string | null | undefined }) {
  if (!props.state) return <span class="muted">Unknown</span>;
  const outcome = runOutcome(props.state);
  const ok = outcome === 'ok';
  const failed = outcome === 'failed';
  return (
    <span class={`run-state ${ok ? 'run-ok' : failed ? 'run-failed' : 'run-other'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : failed ? '✗ ' : '• '}</span>
      {props.state.charAt(0).toUpperCase() + props.state.slice(1)}
    </span>
  );
}
