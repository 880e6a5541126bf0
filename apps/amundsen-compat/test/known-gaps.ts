/**
 * The operations on which Fram does not answer as Amundsen does today (ids as
 * the report prints them). The suite passes only when the incompatible
 * operations are exactly these: an operation made compatible must leave this
 * list, and one that breaks fails the suite.
 */
export const KNOWN_GAPS: readonly string[] = [
  // Features reach metadata but not search (metadata's sync leaves them out), so search finds none.
  'search POST /v2/search',
  'search GET /search_feature',
  'search POST /search_feature_filter',
  // Answered as Amundsen without an announcement / notice client (501); issue 14 asks Fram to serve them.
  'frontend GET /api/announcements/v0/',
  'frontend GET /api/notices/v0/table',
];
