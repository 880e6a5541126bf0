/**
 * The Cypher of bulletins, Fram's own nodes in the graph (labels prefixed `Fram_`, as its audit
 * entries are, so they never meet databuilder's): `Fram_Announcement {id, date, title,
 * html_content}` and `Fram_Notice {id, resource_uri, severity, message, payload}` (payload a JSON
 * text, or absent). Ids come from a `Fram_Sequence` node per kind, as audit ids do; they only grow.
 *
 * Only syntax that Neo4j 4.4 and 5 both run. Each statement is linted with Neo4j's parser
 * (cypher.spec.ts) with BULLETIN_CYPHER_PARAMETERS.
 */
export const BULLETIN_CYPHER = {
  constraints: [
    'CREATE CONSTRAINT fram_announcement_id IF NOT EXISTS FOR (n:Fram_Announcement) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT fram_notice_id IF NOT EXISTS FOR (n:Fram_Notice) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX fram_notice_resource IF NOT EXISTS FOR (n:Fram_Notice) ON (n.resource_uri)',
  ],

  announcements: `
    MATCH (post:Fram_Announcement)
    RETURN post {.*} AS post
    ORDER BY post.date DESC, post.id DESC
    LIMIT $limit`,

  postAnnouncement: `
    MERGE (sequence:Fram_Sequence {key: 'announcement'})
    SET sequence.value = coalesce(sequence.value, 0) + 1
    CREATE (post:Fram_Announcement {id: sequence.value, date: $date, title: $title, html_content: $html_content})
    RETURN post {.*} AS post`,

  deleteAnnouncement: `
    MATCH (post:Fram_Announcement {id: $id})
    WITH post, post {.*} AS removed
    DELETE post
    RETURN removed`,

  notices: `
    MATCH (notice:Fram_Notice {resource_uri: $resource_uri})
    RETURN notice {.*} AS notice
    ORDER BY notice.id`,

  postNotice: `
    MERGE (sequence:Fram_Sequence {key: 'notice'})
    SET sequence.value = coalesce(sequence.value, 0) + 1
    CREATE (notice:Fram_Notice {id: sequence.value, resource_uri: $resource_uri, severity: $severity, message: $message, payload: $payload})
    RETURN notice {.*} AS notice`,

  deleteNotice: `
    MATCH (notice:Fram_Notice {id: $id})
    WITH notice, notice {.*} AS removed
    DELETE notice
    RETURN removed`,
} as const;

/** Example parameters of every statement, for linting. */
export const BULLETIN_CYPHER_PARAMETERS: Record<string, unknown> = {
  limit: 100,
  date: '2024-05-01',
  title: 'Welcome',
  html_content: '<p>Hi</p>',
  id: 1,
  resource_uri: 'hive://gold.core/orders',
  severity: 'warning',
  message: 'Late',
  payload: '{}',
};
