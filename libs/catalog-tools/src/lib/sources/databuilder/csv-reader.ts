/**
 * A CSV reader for the files databuilder's FsNeo4jCSVLoader writes: RFC 4180 as Python's `csv` module writes it
 * (`QUOTE_NONNUMERIC`: text quoted, numbers and booleans bare; quotes doubled inside quoted fields; fields may hold
 * commas, CR and LF; rows end with CRLF). No CSV parser is installed in the workspace, so this one is small and
 * strict: what it cannot read is an error naming the file and the line, never a guess.
 */

import { SourceReadError } from '../../source-read-error';

/** One record of a CSV file and the line (1-based) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file read: its header and its records, each as long as the header. */
export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

/** A file that is not CSV as databuilder writes it, with where (`file:line`). */
export class CsvError extends SourceReadError {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

/** Splits a text into records of fields (RFC 4180), each with the line it starts on. */
export function parseCsvRecords(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < end) {
    const first = text[i];
    if (first === '\n' || first === '\r') {
      // A blank line between records (or at the end) holds no record.
      i += first === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        // A quoted field: up to the lone quote that closes it; a doubled quote stands for one.
        const start = i + 1;
        let from = start;
        field = '';
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) throw new CsvError(file, line, 'a quoted field is not closed before the end of the file');
          field += text.slice(from, quote);
          if (text[quote + 1] === '"') {
            field += '"';
            from = quote + 2;
            continue;
          }
          line += lineBreaks(text, start, quote);
          i = quote + 1;
          break;
        }
      } else {
        let j = i;
        for (; j < end; j++) {
          const char = text[j];
          if (char === ',' || char === '\n' || char === '\r') break;
          if (char === '"') throw new CsvError(file, line, 'a quote inside a field that does not start with one');
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      const next = text[i];
      if (next === ',') {
        i++;
        continue;
      }
      if (next === undefined) break;
      if (next === '\n' || next === '\r') {
        i += next === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      throw new CsvError(file, line, `text after a closing quote (${JSON.stringify(text.slice(i, i + 20))})`);
    }
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** Line breaks (CRLF, LF or a lone CR) in text[start, stop). */
function lineBreaks(text: string, start: number, stop: number): number {
  let count = 0;
  for (let k = start; k < stop; k++) {
    const char = text[k];
    if (char === '\n' || (char === '\r' && text[k + 1] !== '\n')) count++;
  }
  return count;
}

/** Reads a CSV text with a header: every record must have as many fields as the header, whose names are unique. */
export function parseCsv(text: string, file: string): CsvTable {
  const [head, ...records] = parseCsvRecords(text, file);
  if (!head) return { file, header: [], records: [] };
  const header = head.fields;
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new CsvError(file, head.line, 'the header has an empty column name');
    if (seen.has(name)) throw new CsvError(file, head.line, `the header names ${name} twice`);
    seen.add(name);
  }
  for (const record of records) {
    if (record.fields.length !== header.length)
      throw new CsvError(file, record.line, `${record.fields.length} fields where the header has ${header.length}`);
  }
  return { file, header, records };
}
