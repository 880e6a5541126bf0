/** Words of a failed run: whole words only ("error" but not "errorless"), as are those of a good run ("ok" not in "broken"). */
const FAILED_RUN = /(?:^|[^a-z])(?:fail(?:ed|ure|ing)?|errors?|errored|broken|aborted|cancell?ed|incomplete|unsuccessful)(?:$|[^a-z])/;
const GOOD_RUN = /(?:^|[^a-z])(?:succe(?:ss|eded|ssful)|passed|pass|ok|complete|completed|done)(?:$|[^a-z])/;

/** How a run went, from its state's words: failure is looked for first (so "incomplete" or "not ok" is never good). */
export function runOutcome(state: string): 'ok' | 'failed' | 'other' {
  const words = state.toLowerCase();
  if (FAILED_RUN.test(words) || /(?:^|[^a-z])not[^a-z]+(?:ok|complete|completed|done|successful)(?:$|[^a-z])/.test(words)) return 'failed';
  return GOOD_RUN.test(words) ? 'ok' : 'other';
}
