import type { FacetValue, Facets } from '@fram/models';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Resource } from '../../types';
import { FACETS, filterableValue, filterValues, MAX_CHECKBOXES, TEXT_FILTERS, withValue } from './search-state';

const RESOURCE_NAMES: Record<Resource, string> = { table: 'tables', user: 'people', dashboard: 'dashboards', feature: 'ML features' };

/**
 * Whether a facet shows a text field (many values) rather than checkboxes, decided when the field has no
 * filter of its own and kept while it has one: so choosing values never turns the control in focus into
 * another. (Search counts each facet without its own field's filter, so its values do not shrink as it is
 * filtered; they change with the other fields' filters.)
 */
function useManyValues(count: number, filtered: boolean): boolean {
  const decided = useRef<boolean | undefined>(undefined);
  if (!filtered || decided.current === undefined) decided.current = count > MAX_CHECKBOXES;
  return decided.current;
}

/** One facet: its values with counts as checkboxes (few values) or as suggestions of a text field (many). */
function Facet(props: {
  field: string;
  label: string;
  values: FacetValue[];
  filters: Record<string, string>;
  apply: (filters: Record<string, string>) => void;
}) {
  const { field, label, filters, apply } = props;
  const chosen = filterValues(filters[field]);
  // A chosen value stays in the list even when nothing matches it any more (so it can be unchosen).
  const values = [...props.values, ...chosen.filter((c) => !props.values.some((v) => v.value === c)).map((value) => ({ value, count: 0 }))];
  const many = useManyValues(props.values.length, chosen.length > 0);
  const [draft, setDraft] = useState('');
  useEffect(() => setDraft(''), [filters[field]]);
  if (values.length === 0) return null;
  const id = `facet-${field}`;
  if (!many) {
    return (
      <fieldset class="facet">
        <legend>{label}</legend>
        <ul>
          {values.map((v) => {
            const count = (
              <span class="count" data-testid={`${id}-count`}>
                {v.count}
                <span class="visually-hidden"> {v.count === 1 ? 'match' : 'matches'}</span>
              </span>
            );
            // A value with ',' or '*' cannot be a filter value (filters are comma lists, * matches anything).
            if (!filterableValue(v.value))
              return (
                <li key={v.value} class="facet-unfilterable">
                  <span class="facet-value">{v.value}</span> {count}
                </li>
              );
            const box = `${id}-${encodeURIComponent(v.value)}`;
            return (
              <li key={v.value}>
                <input
                  type="checkbox"
                  id={box}
                  checked={chosen.includes(v.value)}
                  onChange={(e) => apply(withValue(filters, field, v.value, e.currentTarget.checked))}
                />
                <label for={box}>
                  <span class="facet-value">{v.value}</span> {count}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    );
  }
  return (
    <fieldset class="facet">
      <legend>{label}</legend>
      {chosen.length > 0 && (
        <ul class="facet-chosen">
          {chosen.map((c) => (
            <li key={c} class="chip">
              {c}
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${label.toLowerCase()} ${c}`}
                onClick={() => apply(withValue(filters, field, c, false))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="facet-add">
        <label class="visually-hidden" for={id}>
          Add a {label.toLowerCase()} ({values.length} values)
        </label>
        <input
          id={id}
          list={`${id}-values`}
          value={draft}
          placeholder={`Any of ${values.length} values`}
          autoComplete="off"
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (draft.trim()) apply(withValue(filters, field, draft.trim(), true));
          }}
        />
        <button
          type="button"
          class="secondary"
          aria-label={`Add ${label.toLowerCase()} filter`}
          onClick={() => draft.trim() && apply(withValue(filters, field, draft.trim(), true))}
        >
          Add
        </button>
        <datalist id={`${id}-values`}>
          {values.map((v) => (
            <option key={v.value} value={v.value} label={`${v.value} (${v.count})`} />
          ))}
        </datalist>
      </div>
    </fieldset>
  );
}

/** The filters of the results: each facet with its counted values, the name filters, and Clear. */
export function FacetFilters(props: {
  resource: Resource;
  facets: Facets | undefined;
  filters: Record<string, string>;
  apply: (filters: Record<string, string>) => void;
}) {
  const { resource, filters, apply } = props;
  const texts = TEXT_FILTERS[resource];
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [JSON.stringify(filters), resource]);
  return (
    <form
      class="filters"
      aria-label={`Filter ${RESOURCE_NAMES[resource]}`}
      onSubmit={(event) => {
        event.preventDefault();
        apply({ ...filters, ...Object.fromEntries(texts.map((t) => [t.field, draft[t.field] ?? ''])) });
      }}
    >
      <h2>Filters</h2>
      {props.facets === undefined ? (
        <p class="muted small">Loading filters…</p>
      ) : (
        FACETS[resource].map((f) => (
          <Facet
            key={`${resource}-${f.field}`}
            field={f.field}
            label={f.label}
            values={props.facets?.[f.field] ?? []}
            filters={filters}
            apply={apply}
          />
        ))
      )}
      {texts.length > 0 && (
        <fieldset class="facet">
          <legend>Names</legend>
          <p class="muted small" id="name-filters-hint">
            Comma-separated; * matches anything.
          </p>
          {texts.map((t) => (
            <div class="field" key={t.field}>
              <label for={`filter-${t.field}`}>{t.label}</label>
              <input
                id={`filter-${t.field}`}
                value={draft[t.field] ?? ''}
                aria-describedby="name-filters-hint"
                onInput={(e) => setDraft({ ...draft, [t.field]: e.currentTarget.value })}
              />
            </div>
          ))}
        </fieldset>
      )}
      <div class="actions">
        {texts.length > 0 && <button type="submit">Apply</button>}
        <button type="button" class="secondary" onClick={() => apply({})} disabled={Object.keys(filters).length === 0}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
