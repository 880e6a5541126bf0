/** Injection token of the search service's configuration (SearchConfig), loaded once by SearchConfigModule. */
export const SEARCH_CONFIG = Symbol('SEARCH_CONFIG');
