import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parseCsv, type CsvTable } from './csv-reader';
import { SourceReadError } from '../../source-read-error';

/*
 * The graph that databuilder's FsNeo4jCSVLoader writes (databuilder/loader/file_system_neo4j_csv_loader.py and
 * serializers/neo4_serializer.py): a folder of node files, one per label and set of properties
 * (`nodes/{Label}_{n}.csv`, header `LABEL,KEY,<properties>`), and a folder of relationship files
 * (`relationships/{StartLabel}_{EndLabel}_{TYPE}_{n}.csv`, header
 * `START_KEY,START_LABEL,END_KEY,END_LABEL,TYPE,REVERSE_TYPE,<properties>`). A property whose value was an int or a
 * bool is named `{name}:UNQUOTED` (Neo4jCsvPublisher's UNQUOTED_SUFFIX) and written bare (`12`, `True`); None and ''
 * are both written `""`. Columns are found by name, not by place, as Neo4jCsvPublisher does.
 */

/** A property value: text, or a number or boolean from an `:UNQUOTED` column; null when the file has it empty. */
export type GraphValue = string | number | boolean | null;

export interface GraphNode {
  label: string;
  key: string;
  props: Record<string, GraphValue>;
  /** `file:line` of the row that wrote it last. */
  where: string;
  /** Set once something Fram imports was made from it. */
  used: boolean;
}

export interface GraphRelation {
  startLabel: string;
  startKey: string;
  endLabel: string;
  endKey: string;
  type: string;
  reverseType: string;
  props: Record<string, GraphValue>;
  where: string;
  used: boolean;
}

/** A relationship seen from one of its ends: its type in that direction and the node at its other end. */
export interface Edge {
  relation: GraphRelation;
  type: string;
  label: string;
  key: string;
}

export const UNQUOTED_SUFFIX = ':UNQUOTED';
const NODE_COLUMNS = ['LABEL', 'KEY'] as const;
const RELATION_COLUMNS = ['START_LABEL', 'START_KEY', 'END_LABEL', 'END_KEY', 'TYPE', 'REVERSE_TYPE'] as const;

/** Nodes by label and key, and relationships indexed from both ends (Amundsen's relationships go both ways). */
export class Graph {
  private readonly byLabel = new Map<string, Map<string, GraphNode>>();
  /** Edges by node (its label and key). */
  private readonly edgesOf = new Map<string, Edge[]>();
  private readonly relationsById = new Map<string, GraphRelation>();
  readonly relations: GraphRelation[] = [];

  addNode(node: GraphNode): void {
    let nodes = this.byLabel.get(node.label);
    if (!nodes) this.byLabel.set(node.label, (nodes = new Map<string, GraphNode>()));
    const known = nodes.get(node.key);
    // Neo4jCsvPublisher MERGEs on the key and sets the properties a row has: later rows add to earlier ones.
    if (known) {
      Object.assign(known.props, node.props);
      known.where = node.where;
    } else nodes.set(node.key, node);
  }

  /**
   * Adds a relationship; one written again (by two models, e.g. two TableOwner records of a table, or from its other
   * end) is MERGEd into the first, as Neo4jCsvPublisher's MERGE does.
   */
  addRelation(relation: GraphRelation): void {
    // One id for both ways of writing it: from the end that sorts first.
    const startFirst =
      relation.startLabel < relation.endLabel || (relation.startLabel === relation.endLabel && relation.startKey <= relation.endKey);
    const id = startFirst
      ? `${relation.startLabel}\u0000${relation.startKey}\u0000${relation.type}\u0000${relation.endLabel}\u0000${relation.endKey}`
      : `${relation.endLabel}\u0000${relation.endKey}\u0000${relation.reverseType}\u0000${relation.startLabel}\u0000${relation.startKey}`;
    const known = this.relationsById.get(id);
    if (known) {
      Object.assign(known.props, relation.props);
      known.where = relation.where;
      return;
    }
    this.relationsById.set(id, relation);
    this.relations.push(relation);
    this.addEdge(relation.startLabel, relation.startKey, { relation, type: relation.type, label: relation.endLabel, key: relation.endKey });
    this.addEdge(relation.endLabel, relation.endKey, {
      relation,
      type: relation.reverseType,
      label: relation.startLabel,
      key: relation.startKey,
    });
  }

  private addEdge(label: string, key: string, edge: Edge) {
    const id = `${label}\u0000${key}`;
    const list = this.edgesOf.get(id);
    if (list) list.push(edge);
    else this.edgesOf.set(id, [edge]);
  }

  labels(): string[] {
    return [...this.byLabel.keys()].sort(compare);
  }

  /** The nodes of a label, by key. */
  nodes(label: string): GraphNode[] {
    return [...(this.byLabel.get(label)?.values() ?? [])].sort((a, b) => compare(a.key, b.key));
  }

  node(label: string, key: string): GraphNode | undefined {
    return this.byLabel.get(label)?.get(key);
  }

  /**
   * The nodes `type` leads to from a node (whichever way its relationship was written), in key order, each with its
   * relationship; both are marked used. `node` is undefined when the files have no such node (only its key). A node
   * reached by two of the types is given once.
   */
  follow(from: GraphNode, type: string | readonly string[], label: string | readonly string[]): { edge: Edge; node?: GraphNode }[] {
    const types = typeof type === 'string' ? [type] : type;
    const labels = typeof label === 'string' ? [label] : label;
    const found = (this.edgesOf.get(`${from.label}\u0000${from.key}`) ?? []).filter(
      (edge) => types.includes(edge.type) && labels.includes(edge.label),
    );
    found.sort((a, b) => compare(a.key, b.key));
    const seen = new Set<string>();
    const result: { edge: Edge; node?: GraphNode }[] = [];
    for (const edge of found) {
      edge.relation.used = true;
      const id = `${edge.label}\u0000${edge.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = this.node(edge.label, edge.key);
      if (node) node.used = true;
      result.push({ edge, node });
    }
    return result;
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value of a cell: `:UNQUOTED` cells are numbers or booleans (Python's True / False), others text; empty is null. */
function cellValue(raw: string, unquoted: boolean, file: string, line: number, column: string): GraphValue {
  if (raw === '') return null;
  if (!unquoted) return raw;
  if (raw === 'True' || raw === 'true') return true;
  if (raw === 'False' || raw === 'false') return false;
  const number = Number(raw);
  if (!Number.isFinite(number))
    throw new CsvError(file, line, `${column} is not a number or a boolean: ${JSON.stringify(raw.slice(0, 50))}`);
  return number;
}

/** A file's rows: the `required` columns by name, and the other columns as properties (named without `:UNQUOTED`). */
function* rows(table: CsvTable, required: readonly string[]) {
  const missing = required.filter((column) => !table.header.includes(column));
  if (missing.length > 0 && table.records.length > 0)
    throw new CsvError(table.file, 1, `the header lacks ${missing.join(', ')} (it has ${table.header.join(', ')})`);
  const fixedAt = required.map((column) => table.header.indexOf(column));
  const propsAt = table.header.flatMap((name, i) => {
    if (required.includes(name)) return [];
    const unquoted = name.endsWith(UNQUOTED_SUFFIX);
    return [{ i, name, prop: unquoted ? name.slice(0, -UNQUOTED_SUFFIX.length) : name, unquoted }];
  });
  for (const record of table.records) {
    const fixed: string[] = [];
    fixedAt.forEach((at, k) => {
      const value = record.fields[at];
      if (value === '') throw new CsvError(table.file, record.line, `${required[k]} is empty`);
      fixed.push(value);
    });
    const props: Record<string, GraphValue> = {};
    for (const { i, name, prop, unquoted } of propsAt) props[prop] = cellValue(record.fields[i], unquoted, table.file, record.line, name);
    yield { fixed, props, where: `${table.file}:${record.line}` };
  }
}

/**
 * What `read` returns; a file-system failure (no permission, a file gone or a link to nothing, a folder where a file
 * was expected) as a DatabuilderError naming the path, not a raw error.
 */
function onDisk<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CsvError || error instanceof DatabuilderError) throw error;
    // Node's text starts with the code: "ENOENT: no such file or directory, stat '…'" (read, not instanceof: fs's
    // errors may come from another realm).
    const message = (error as { message?: unknown } | null)?.message;
    throw new DatabuilderError(`cannot read ${path}: ${typeof message === 'string' ? message : String(error)}`);
  }
}

/** The CSV files of a folder, by name (only `.csv`, as the loader writes). */
function csvFiles(dir: string): string[] {
  return onDisk(dir, () => readdirSync(dir))
    .filter((name) => name.toLowerCase().endsWith('.csv') && onDisk(join(dir, name), () => statSync(join(dir, name)).isFile()))
    .sort(compare)
    .map((name) => join(dir, name));
}

/** Where a databuilder output folder keeps its node and relationship files. */
export const NODE_DIR = 'nodes';
export const RELATION_DIR = 'relationships';

/** Reads the node and relationship files under `dir` (its `nodes/` and `relationships/` folders) into a graph. */
export function readGraph(dir: string): { graph: Graph; files: number } {
  const nodeDir = join(dir, NODE_DIR);
  const relationDir = join(dir, RELATION_DIR);
  const hasNodes = existsSync(nodeDir) && onDisk(nodeDir, () => statSync(nodeDir).isDirectory());
  const hasRelations = existsSync(relationDir) && onDisk(relationDir, () => statSync(relationDir).isDirectory());
  if (!hasNodes && !hasRelations)
    throw new DatabuilderError(
      `${dir} has no ${NODE_DIR}/ or ${RELATION_DIR}/ folder: give the folder whose ${NODE_DIR}/ and ${RELATION_DIR}/ FsNeo4jCSVLoader wrote (its node_dir_path and relationship_dir_path)`,
    );
  const graph = new Graph();
  let files = 0;
  for (const file of hasNodes ? csvFiles(nodeDir) : []) {
    files++;
    for (const { fixed, props, where } of rows(readTable(file), NODE_COLUMNS))
      graph.addNode({ label: fixed[0], key: fixed[1], props, where, used: false });
  }
  for (const file of hasRelations ? csvFiles(relationDir) : []) {
    files++;
    for (const { fixed, props, where } of rows(readTable(file), RELATION_COLUMNS)) {
      const [startLabel, startKey, endLabel, endKey, type, reverseType] = fixed;
      graph.addRelation({ startLabel, startKey, endLabel, endKey, type, reverseType, props, where, used: false });
    }
  }
  return { graph, files };
}

function readTable(file: string): CsvTable {
  return parseCsv(
    onDisk(file, () => readFileSync(file, 'utf8')),
    file,
  );
}

/** A databuilder output that cannot be read (CsvError for the files' own syntax). */
export class DatabuilderError extends SourceReadError {}
