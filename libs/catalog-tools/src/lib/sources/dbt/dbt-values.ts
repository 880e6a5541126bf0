import { descriptionProblem, idProblem, tagProblem, TEXT_LIMITS, truncateText, urlProblem } from '@fram/models';

/*
 * dbt's free-form values (descriptions, tags, meta) made into what Fram's ingestion takes, or left out with a
 * warning: one bad value must not make metadata refuse a whole batch.
 */

/** Reports what was left out or changed, naming the node. */
export type Warn = (message: string) => void;

/** Controls other than tab and line breaks, which Fram's descriptions refuse. */
const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A description as Fram keeps it: trimmed, without stray controls, cut at Fram's limit; undefined when empty. */
export function descriptionText(text: string | null | undefined, where: string, warn: Warn): string | undefined {
  let value = text?.replace(STRAY_CONTROLS, '').trim();
  if (!value) return undefined;
  if (value.length > TEXT_LIMITS.description) {
    warn(`${where}: description cut to ${TEXT_LIMITS.description.toLocaleString('en')} characters`);
    value = truncateText(value, TEXT_LIMITS.description);
  }
  if (descriptionProblem(value)) {
    warn(`${where}: description left out: it ${descriptionProblem(value)}`);
    return undefined;
  }
  return value;
}

/** The tags Fram can keep (letters, digits, spaces, _ : . -), each once; the others are named in a warning. */
export function tagList(tags: readonly string[] | null | undefined, where: string, warn: Warn): string[] {
  const kept = new Set<string>();
  for (const tag of tags ?? []) {
    const problem = tagProblem(tag);
    if (problem) warn(`${where}: tag "${tag}" left out: it ${problem}`);
    else kept.add(tag);
  }
  return [...kept];
}

/**
 * The owners a meta value names: a text (a comma list too) or a list of texts, each an id such as an email.
 * Anything else is left out with a warning.
 */
export function ownerIds(value: unknown, where: string, warn: Warn): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const owners = new Set<string>();
  for (const item of items) {
    if (typeof item !== 'string') {
      warn(`${where}: owner ${JSON.stringify(item)} left out: owners must be texts (an email, a user id)`);
      continue;
    }
    for (const part of item.split(',')) {
      const id = part.trim();
      if (!id) continue;
      if (idProblem(id)) warn(`${where}: owner "${id}" left out: it ${idProblem(id)}`);
      else owners.add(id);
    }
  }
  return [...owners];
}

/** A meta key's value; a dotted key (`contact.email`) looks inside objects unless the meta has it as it is. */
export function metaValue(meta: Record<string, unknown>, key: string): unknown {
  if (key in meta) return meta[key];
  let value: unknown = meta;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Badges from meta keys: `true` makes a badge named after the key, a text or a number `key:value` (a list, one
 * each); false, null and what is not given make none.
 */
export function metaBadges(
  meta: Record<string, unknown>,
  keys: readonly string[],
  category: string,
): { badge_name: string; category: string }[] {
  const badges = new Map<string, { badge_name: string; category: string }>();
  const add = (name: string) => {
    if (name.length <= TEXT_LIMITS.tag && !idProblem(name)) badges.set(name, { badge_name: name, category });
  };
  for (const key of keys) {
    const value = metaValue(meta, key);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === true) add(key);
      else if (typeof item === 'string' && item.trim()) add(`${key}:${item.trim()}`);
      else if (typeof item === 'number') add(`${key}:${item}`);
    }
  }
  return [...badges.values()];
}

/** The list, or undefined when it is empty (a list left out of a record keeps what Fram has). */
export function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** A link Fram shows (http or https), or undefined. */
export function httpLink(value: string | null | undefined): string | undefined {
  const link = value?.trim();
  return link && !urlProblem(link) ? link : undefined;
}

/** A dbt timestamp (ISO 8601, or Snowflake's `2025-08-02 13:52UTC`) in epoch seconds; UTC when it names no zone. */
export function epochSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let text = value
    .trim()
    .replace(/\s*UTC$/i, 'Z')
    .replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) text += 'Z';
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : undefined;
}
