import { text } from '../text-value';

/** A person the picker offers: from search's people index. */
export interface PersonOption {
  user_id: string;
  email: string;
  name: string;
}

/** A person as search's people index answers (loosely typed). */
export interface UserHit {
  user_id?: unknown;
  email?: unknown;
  display_name?: unknown;
  full_name?: unknown;
}

/** How many suggestions the picker shows. */
export const MAX_OPTIONS = 8;
/** The most results the search API gives in one page. */
export const MAX_RESULTS_PER_PAGE = 100;

/** How many people to ask search for: enough to fill the list once those already chosen are left out, within the API's limit. */
export const searchSize = (excluded: number): number => Math.min(MAX_RESULTS_PER_PAGE, MAX_OPTIONS + excluded);

/** Search's people as options, without those in `exclude` (lower-cased ids and emails), at most MAX_OPTIONS. */
export function personOptions(hits: readonly UserHit[], exclude: ReadonlySet<string>): PersonOption[] {
  return hits
    .map((hit) => {
      const email = text(hit.email) || text(hit.user_id);
      const name = text(hit.full_name) || text(hit.display_name) || email;
      return { user_id: text(hit.user_id) || email, email, name };
    })
    .filter((p) => p.user_id && !exclude.has(p.user_id.toLowerCase()) && !exclude.has(p.email.toLowerCase()))
    .slice(0, MAX_OPTIONS);
}

/** What search answered for one term: the people found, or that it failed. */
export interface Found {
  term: string;
  options: PersonOption[];
  failed: boolean;
}

/** The options to show for the field's current value: only those found for that very term (a late answer for an older one shows nothing). */
export function optionsFor(found: Found | undefined, value: string): Found | undefined {
  return found && found.term === value.trim() ? found : undefined;
}

/** What Enter adds: the highlighted option when the list is open and one is highlighted, else what was typed. */
export function enterChoice(options: readonly PersonOption[], active: number, expanded: boolean, value: string): string {
  const option = expanded && active >= 0 ? options[active] : undefined;
  return option ? option.user_id : value;
}

/** The field's text once a pick made when it held `atPick` is done: cleared, unless the person typed something else meanwhile. */
export const valueAfterPick = (now: string, atPick: string): string => (now === atPick ? '' : now);

/** What the live region says about the suggestions (nothing while none were asked for, or the list is closed). */
export function suggestionsMessage(found: Found | undefined, open: boolean): string {
  if (!found || !open) return '';
  if (found.failed) return 'Suggestions unavailable';
  return found.options.length === 0 ? 'No matching people' : `${found.options.length} matching people; use the arrow keys to choose`;
}
