/*
 * Descriptions people edit and ingestion writes, on Amundsen's Description node (`{owner key}/_description`,
 * description_source `description`) of a table, column, dashboard or feature. A person's edit marks the node
 * `fram_edited` and keeps the ingested text apart in `fram_ingested_description`; from then on ingestion only
 * updates that property. Amundsen's reader ignores both; a node without them (Amundsen's, or Fram's before) holds
 * ingested text. Fragments of the statements of cypher.ts, table-cypher.ts, dashboard-cypher.ts and
 * feature-cypher.ts, linted with them.
 */

/**
 * A person's description $description of `owner` (a bound node), even an empty one: it wins over ingestion
 * for good. The text it replaces, when ingested, is kept apart (the ingested text already kept apart otherwise).
 */
export const editDescription = (owner: string, key: string) => `
    MERGE (description:Description {key: ${key}})
    SET description.fram_ingested_description =
      CASE WHEN description.fram_edited = true THEN description.fram_ingested_description ELSE description.description END
    SET description.description = $description, description.description_source = 'description', description.fram_edited = true
    MERGE (${owner})-[:DESCRIPTION]->(description)
    MERGE (description)-[:DESCRIPTION_OF]->(${owner})`;

/**
 * The ingested description `text` (null: none) of `owner` (a bound node; `carry` the variables to keep, owner
 * and record included, after a WITH): it replaces an ingested description, and is only kept apart on one a
 * person edited. Ends with the rows of `carry`, one per row it was given.
 */
export const ingestDescription = (owner: string, key: string, text: string, carry: string) => `
    OPTIONAL MATCH (${owner})-[:DESCRIPTION]->(ingestedDescription:Description)
    WHERE NOT coalesce(ingestedDescription.fram_edited, false)
    DETACH DELETE ingestedDescription
    WITH DISTINCT ${carry}
    OPTIONAL MATCH (${owner})-[:DESCRIPTION]->(editedDescription:Description)
    WITH ${carry}, collect(editedDescription) AS editedDescriptions
    FOREACH (edited IN editedDescriptions | SET edited.fram_ingested_description = ${text})
    FOREACH (_ IN CASE WHEN ${text} IS NULL OR size(editedDescriptions) > 0 THEN [] ELSE [1] END |
      MERGE (description:Description {key: ${key}})
      SET description.description = ${text}, description.description_source = 'description'
      MERGE (${owner})-[:DESCRIPTION]->(description)
      MERGE (description)-[:DESCRIPTION_OF]->(${owner}))
    WITH ${carry}`;

/** The ingested text a person's edit of `owner`'s description hides (null when none or not edited), for reads. */
export const hiddenIngestedDescription = (owner: string) =>
  `[(${owner})-[:DESCRIPTION]->(keptApart:Description) WHERE keptApart.fram_edited = true | keptApart.fram_ingested_description][0]`;

/** Marks, on a relationship `link` a person made (a tag, badge or owner), that ingestion must leave it. */
export const BY_HAND = (link: string) => `SET ${link}.fram_by_hand = true`;

/** Whether `link` is one ingestion made (and so replaces): not made by a person. */
export const INGESTED = (link: string) => `NOT coalesce(${link}.fram_by_hand, false)`;
