import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { CYPHER, CYPHER_PARAMETERS, lineageWalk } from './cypher';

/** Every statement, with the variants built from templates. */
function statements(): [string, string][] {
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(CYPHER)) {
    if (typeof value === 'string') all.push([name, value]);
    else if (Array.isArray(value)) value.forEach((text, i) => all.push([`${name}[${i}]`, text as string]));
  }
  for (const [forward, backward] of [
    ['OWNER', 'OWNER_OF'],
    ['FOLLOWED_BY', 'FOLLOW'],
  ] as const) {
    all.push(
      [`addUserLink(${forward})`, CYPHER.addUserLink(forward, backward)],
      [`removeUserLink(${forward})`, CYPHER.removeUserLink(forward, backward)],
    );
  }
  for (const relation of ['FOLLOW', 'OWNER_OF']) all.push([`linkedTables(${relation})`, CYPHER.linkedTables(relation)]);
  for (const label of ['Table', 'Dashboard', 'User'] as const) all.push([`listKeys(${label})`, CYPHER.listKeys(label)]);
  for (const direction of ['HAS_UPSTREAM', 'HAS_DOWNSTREAM'] as const)
    for (const depth of [1, 10]) all.push([`lineageWalk(${direction}, ${depth})`, lineageWalk(direction, depth)]);
  return all;
}

/** Cypher checked offline with Neo4j's own grammar and semantic analysis (no server here). */
describe("Neo4jMetadataStore's Cypher", () => {
  it.each(statements())('%s is valid Cypher', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: CYPHER_PARAMETERS });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
  });

  it('would catch a broken statement (the linter checks syntax and variables)', () => {
    expect(lintCypherQuery('MATCH (n:Table) RETURN m', { parameters: CYPHER_PARAMETERS }).diagnostics).not.toEqual([]);
    expect(lintCypherQuery('MATCH (n:Table {key: $nope}) RETURN n', { parameters: CYPHER_PARAMETERS }).diagnostics).not.toEqual([]);
  });

  it('refuses a lineage depth outside 1-10 before building a query', () => {
    expect(() => lineageWalk('HAS_UPSTREAM', 0)).toThrow();
    expect(() => lineageWalk('HAS_UPSTREAM', 11)).toThrow();
    expect(() => lineageWalk('HAS_UPSTREAM', 1.5)).toThrow();
  });
});
