import { FRONTEND_OPERATIONS } from './frontend-operations';
import { METADATA_OPERATIONS } from './metadata-operations';
import type { Operation } from './operation';
import { SEARCH_OPERATIONS } from './search-operations';

/** Every operation of Amundsen's three services, in the order the suite calls them. */
export const OPERATIONS: readonly Operation[] = [...METADATA_OPERATIONS, ...SEARCH_OPERATIONS, ...FRONTEND_OPERATIONS];
