/*
 * Where the embedded store's rows came from, so that re-ingesting keeps what people did (see the step that adds them in migrations.ts).
 */

/** The origin of a tag, badge or owner row (by_hand): added by a person, or written by ingestion, which replaces only its own. */
export const BY_HAND = 1;
export const INGESTED = 0;

/**
 * The SET of an ingested upsert's description (tables, columns, nested types, dashboards, features): the ingested text is
 * kept apart always, and shown only while no person has edited the description (a person's edit always wins,
 * even an empty one).
 */
export const KEEP_EDITED_DESCRIPTION = `description = CASE WHEN description_edited = 1 THEN description ELSE excluded.description END,
  ingested_description = excluded.ingested_description`;
