/** Kinds of resources that can be tagged, owned, bookmarked and read. */
export type ResourceType = 'table' | 'dashboard' | 'feature';

/** Who changed something, and when (epoch ms). Every edit is recorded with it. */
export interface Edit {
  actor: string;
  at: number;
}
