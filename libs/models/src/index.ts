export { normalizeUser, parseUser, InvalidUserError, USER_FIELDS, type User, type UserInput } from './lib/user';
export {
  parseTableKey,
  tableKey,
  TABLE_KEY,
  type Tag,
  type Badge,
  type Column,
  type TableDetail,
  type TableReader,
  type TableSummary,
} from './lib/table';
export type { TableRecord, ReadRecord, LineageRecord, DashboardRecord, CompleteDashboardRecord } from './lib/ingestion';
export {
  DASHBOARD_KEY,
  completeDashboard,
  dashboardKey,
  type DashboardSummary,
  type DashboardDetail,
  type Lineage,
  type LineageItem,
} from './lib/dashboard';
export {
  SEARCH_RESOURCE_TYPES,
  type SearchResourceType,
  type TableDocument,
  type UserDocument,
  type DashboardDocument,
  type SearchDocuments,
  type SearchFilter,
  type SearchRequest,
  type SearchHit,
  type SearchResponse,
  type UpdateDocumentRequest,
} from './lib/search';
export { tableDocument, userDocument, dashboardDocument, fitSearchDocument, searchKeyProblem, type Usage } from './lib/search-documents';
export {
  SEARCH_LIMITS,
  TEXT_LIMITS,
  descriptionProblem,
  emailProblem,
  idProblem,
  lineProblem,
  nameProblem,
  tagProblem,
  truncateText,
  urlProblem,
} from './lib/text-rules';
