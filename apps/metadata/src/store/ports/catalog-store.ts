import type { Badge } from '@fram/models';

export interface Statistics {
  number_of_tables: number;
  number_of_documented_tables: number;
  number_of_documented_cols: number;
  number_of_owners: number;
  number_of_tables_with_owners: number;
  number_of_documented_and_owned_tables: number;
}

/** Catalog-wide figures and listings. */
export abstract class CatalogStore {
  abstract tagUsages(): Promise<{ tag_name: string; tag_count: number }[]>;
  abstract allBadges(): Promise<Badge[]>;
  abstract statistics(): Promise<Statistics>;
  /** When the catalog was last changed by ingestion (epoch seconds), if ever. */
  abstract latestUpdatedTimestamp(): Promise<number | undefined>;
  /** Keys of every table, dashboard or user (with a name), in key order, after `after`: for full reindexing. */
  abstract listKeys(type: 'table' | 'dashboard' | 'user', after: string, limit: number): Promise<string[]>;
}
