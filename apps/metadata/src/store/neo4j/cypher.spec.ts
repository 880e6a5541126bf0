import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { CYPHER, CYPHER_PARAMETERS, lineageWalk, resourceMatch } from './cypher';
import { FEATURE_CYPHER, FEATURE_CYPHER_PARAMETERS } from './feature-cypher';
import { DASHBOARD_CYPHER, DASHBOARD_CYPHER_PARAMETERS } from './dashboard-cypher';
import { TABLE_CYPHER, TABLE_CYPHER_PARAMETERS } from './table-cypher';
import { BULLETIN_CYPHER, BULLETIN_CYPHER_PARAMETERS } from './bulletin-cypher';
import { EDGE_KINDS } from '../ingest-removals';
import { edgeLabel, INGEST_LEDGER_CYPHER, INGEST_LEDGER_CYPHER_PARAMETERS } from './ingest-ledger-cypher';

/** Every statement, with the variants built from templates. */
function statements(): [string, string][] {
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(CYPHER)) {
    if (typeof value === 'string') all.push([name, value]);
    else if (Array.isArray(value)) value.forEach((text, i) => all.push([`${name}[${i}]`, text as string]));
  }
  for (const type of ['table', 'dashboard', 'feature'] as const) {
    for (const name of ['addTag', 'removeTag', 'addBadge', 'removeBadge'] as const) all.push([`${name}(${type})`, CYPHER[name](type)]);
    for (const [forward, backward] of [
      ['OWNER', 'OWNER_OF'],
      ['FOLLOWED_BY', 'FOLLOW'],
    ] as const) {
      all.push(
        [`addUserLink(${type}, ${forward})`, CYPHER.addUserLink(type, forward, backward)],
        [`removeUserLink(${type}, ${forward})`, CYPHER.removeUserLink(type, forward, backward)],
      );
    }
  }
  for (const type of ['table', 'dashboard'] as const) all.push([`setDescription(${type})`, CYPHER.setDescription(type)]);
  for (const relation of ['FOLLOW', 'OWNER_OF']) all.push([`linkedTables(${relation})`, CYPHER.linkedTables(relation)]);
  for (const label of ['Table', 'Dashboard', 'User'] as const) all.push([`listKeys(${label})`, CYPHER.listKeys(label)]);
  for (const direction of ['HAS_UPSTREAM', 'HAS_DOWNSTREAM'] as const)
    for (const depth of [1, 10]) all.push([`lineageWalk(${direction}, ${depth})`, lineageWalk(direction, depth)]);
  return all;
}

/** Cypher checked offline with Neo4j's own grammar and semantic analysis (no server here). */
describe("Neo4jMetadataStore's Cypher", () => {
  it.each(statements())('%s is valid Cypher, and runs on Neo4j 4.4 too', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: CYPHER_PARAMETERS });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
    expect(NEO4J_5_ONLY.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });

  it('would catch a broken statement (the linter checks syntax and variables)', () => {
    expect(lintCypherQuery('MATCH (n:Table) RETURN m', { parameters: CYPHER_PARAMETERS }).diagnostics).not.toEqual([]);
    expect(lintCypherQuery('MATCH (n:Table {key: $nope}) RETURN n', { parameters: CYPHER_PARAMETERS }).diagnostics).not.toEqual([]);
  });

  it('matches a resource by the label of its type from a fixed map, and a feature only when it is in the catalog (named)', () => {
    expect(resourceMatch('table')).toBe('MATCH (resource:Table {key: $key})');
    expect(resourceMatch('dashboard')).toBe('MATCH (resource:Dashboard {key: $key})');
    expect(resourceMatch('feature')).toBe('MATCH (resource:Feature {key: $key}) WHERE resource.name IS NOT NULL');
    expect(CYPHER.addUserLink('feature', 'FOLLOWED_BY', 'FOLLOW')).toContain(resourceMatch('feature'));
    expect(() => resourceMatch('Table) DETACH DELETE (x' as never)).toThrow();
    expect(() => resourceMatch('toString' as never)).toThrow();
  });

  it('refuses a lineage depth outside 1-10 before building a query', () => {
    expect(() => lineageWalk('HAS_UPSTREAM', 0)).toThrow();
    expect(() => lineageWalk('HAS_UPSTREAM', 11)).toThrow();
    expect(() => lineageWalk('HAS_UPSTREAM', 1.5)).toThrow();
  });
});

/** The feature statements (feature-cypher.ts), with the walk's variants. */
function featureStatements(): [string, string][] {
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(FEATURE_CYPHER)) {
    if (typeof value === 'string') all.push([name, value]);
    else value.forEach((text, i) => all.push([`${name}[${i}]`, text]));
  }
  for (const direction of ['HAS_UPSTREAM', 'HAS_DOWNSTREAM'] as const)
    for (const depth of [1, 10]) all.push([`lineageWalk(${direction}, ${depth}, Feature)`, lineageWalk(direction, depth, 'Feature')]);
  return all;
}

describe("Neo4jMetadataStore's feature Cypher", () => {
  it.each(featureStatements())('%s is valid Cypher, without deprecated syntax, and runs on Neo4j 4.4 too', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: FEATURE_CYPHER_PARAMETERS });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
    expect(NEO4J_5_ONLY.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });

  it('refuses a lineage depth outside 1-10 before building a query', () => {
    expect(() => lineageWalk('HAS_UPSTREAM', 0, 'Feature')).toThrow();
    expect(() => lineageWalk('HAS_DOWNSTREAM', 11, 'Feature')).toThrow();
  });
});

/** The table statements (table-cypher.ts) and the column lineage walks. */
function tableStatements(): [string, string][] {
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(TABLE_CYPHER)) {
    if (typeof value === 'string') all.push([name, value]);
    else value.forEach((text, i) => all.push([`${name}[${i}]`, text]));
  }
  for (const direction of ['HAS_UPSTREAM', 'HAS_DOWNSTREAM'] as const)
    for (const depth of [1, 10]) all.push([`lineageWalk(${direction}, ${depth}, Column)`, lineageWalk(direction, depth, 'Column')]);
  return all;
}

/** Syntax Neo4j 4.4 lacks: CALL subqueries with a scope clause, COUNT/COLLECT subqueries, type predicates, elementId(). */
const NEO4J_5_ONLY = [/\bCALL\s*\(/i, /\b(COUNT|COLLECT)\s*\{/i, /\bIS\s*(NOT\s*)?::/i, /\belementId\s*\(/i];

describe("Neo4jMetadataStore's table Cypher", () => {
  it.each(tableStatements())('%s is valid Cypher, without deprecated syntax, and runs on Neo4j 4.4 too', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: { ...CYPHER_PARAMETERS, ...TABLE_CYPHER_PARAMETERS } });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
    expect(NEO4J_5_ONLY.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });

  it('would catch syntax that needs Neo4j 5', () => {
    const uses5 = (text: string) => NEO4J_5_ONLY.some((pattern) => pattern.test(text));
    expect(uses5('MATCH (t:Table) CALL (t) { RETURN 1 AS one } RETURN one')).toBe(true);
    expect(uses5('MATCH (t:Table) RETURN COUNT { (t)-[:COLUMN]->() } AS n')).toBe(true);
    expect(uses5('MATCH (t:Table) RETURN size([(t)-[:COLUMN]->(c) | c]) AS n')).toBe(false);
  });
});

/** The dashboard statements (dashboard-cypher.ts), with the variants built from templates. */
function dashboardStatements(): [string, string][] {
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(DASHBOARD_CYPHER)) {
    if (typeof value === 'string') all.push([name, value]);
    else if (Array.isArray(value)) value.forEach((text, i) => all.push([`${name}[${i}]`, text as string]));
  }
  for (const relation of ['FOLLOW', 'OWNER_OF'] as const)
    all.push([`linkedDashboards(${relation})`, DASHBOARD_CYPHER.linkedDashboards(relation)]);
  return all;
}

describe("Neo4jMetadataStore's dashboard Cypher", () => {
  it.each(dashboardStatements())('%s is valid Cypher, without deprecated syntax, and runs on Neo4j 4.4 too', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: DASHBOARD_CYPHER_PARAMETERS });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
    expect(NEO4J_5_ONLY.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });
});

/** The bulletin statements (bulletin-cypher.ts). */
function bulletinStatements(): [string, string][] {
  return Object.entries(BULLETIN_CYPHER).flatMap(([name, value]): [string, string][] =>
    typeof value === 'string' ? [[name, value]] : value.map((text, i): [string, string] => [`${name}[${i}]`, text]),
  );
}

describe("Neo4jMetadataStore's bulletin Cypher", () => {
  it.each(bulletinStatements())('%s is valid Cypher, without deprecated syntax, and runs on Neo4j 4.4 too', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: BULLETIN_CYPHER_PARAMETERS });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
    expect(NEO4J_5_ONLY.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });

  it("keeps Fram's bulletins apart from databuilder's graph: every label it names is Fram_-prefixed", () => {
    const labels = bulletinStatements().flatMap(([, text]) => [...text.matchAll(/\(\w*:(\w+)/g)].map((m) => m[1]));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => !label.startsWith('Fram_'))).toEqual([]);
  });
});

/** The source-run statements (ingest-ledger-cypher.ts), with the edge variants. */
function ingestLedgerStatements(): [string, string][] {
  const all: [string, string][] = [];
  for (const [name, value] of Object.entries(INGEST_LEDGER_CYPHER)) {
    if (typeof value === 'string') all.push([name, value]);
    else if (Array.isArray(value)) value.forEach((text, i) => all.push([`${name}[${i}]`, text as string]));
  }
  for (const kind of EDGE_KINDS) {
    all.push([`removeEdges(${kind})`, INGEST_LEDGER_CYPHER.removeEdges(edgeLabel(kind))]);
    all.push([`removeBareNodes(${kind})`, INGEST_LEDGER_CYPHER.removeBareNodes(edgeLabel(kind))]);
  }
  return all;
}

describe("Neo4jMetadataStore's source-run Cypher", () => {
  it.each(ingestLedgerStatements())('%s is valid Cypher, without deprecated syntax, and runs on Neo4j 4.4 too', (_name, text) => {
    const { diagnostics } = lintCypherQuery(text, { parameters: INGEST_LEDGER_CYPHER_PARAMETERS });
    expect(
      diagnostics.map((d) => `${typeof d.message === 'string' ? d.message : d.message.value} at ${JSON.stringify(d.range.start)}`),
    ).toEqual([]);
    expect(NEO4J_5_ONLY.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });

  it('joins edges only of the fixed labels of their kind', () => {
    expect(EDGE_KINDS.map(edgeLabel)).toEqual(['Table', 'Column', 'Feature']);
    expect(() => edgeLabel('Table) DETACH DELETE (x' as never)).toThrow();
  });

  it("keeps the ledger apart from databuilder's graph: the labels it creates are Fram_-prefixed", () => {
    const created = ingestLedgerStatements().flatMap(([, text]) => [...text.matchAll(/(?:CREATE|MERGE) \(\w*:(\w+)/g)].map((m) => m[1]));
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((label) => !label.startsWith('Fram_'))).toEqual([]);
  });
});
