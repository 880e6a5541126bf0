/**
 * The statement that sets the descriptions shared by the members of a container (a schema's tables,
 * a dashboard group's dashboards), as databuilder writes them: a Description node `{container
 * key}/_description` linked DESCRIPTION / DESCRIPTION_OF. One per container of $<parameter>
 * `{key, description}` (null: removed). Answers the containers whose description changed, with the
 * keys of their members as `<members>`. Runs on Neo4j 4.4 and 5 (FOREACH for the conditional write).
 */
export function setSharedDescriptions(container: {
  label: 'Schema' | 'Dashboardgroup';
  parameter: 'schemas' | 'groups';
  member: { relation: 'TABLE' | 'DASHBOARD'; label: 'Table' | 'Dashboard'; as: 'tables' | 'dashboards' };
}): string {
  const { label, parameter, member } = container;
  return `
    UNWIND $${parameter} AS given
    MATCH (holder:${label} {key: given.key})
    WITH holder, given, [(holder)-[:DESCRIPTION]->(current:Description) | current.description][0] AS before
    OPTIONAL MATCH (holder)-[:DESCRIPTION]->(old:Description)
    DETACH DELETE old
    WITH DISTINCT holder, given, before
    FOREACH (_ IN CASE WHEN given.description IS NULL THEN [] ELSE [1] END |
      MERGE (description:Description {key: given.key + '/_description'})
      SET description.description = given.description, description.description_source = 'description'
      MERGE (holder)-[:DESCRIPTION]->(description)
      MERGE (description)-[:DESCRIPTION_OF]->(holder))
    WITH holder, given, before
    WHERE coalesce(before <> given.description, before IS NOT NULL OR given.description IS NOT NULL)
    RETURN given.key AS key, [(holder)-[:${member.relation}]->(member:${member.label}) | member.key] AS ${member.as}`;
}
