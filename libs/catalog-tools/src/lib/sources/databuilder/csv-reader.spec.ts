import { CsvError, parseCsv, parseCsvRecords } from './csv-reader';

describe('parseCsvRecords (RFC 4180 as Python csv writes it)', () => {
  it('reads quoted text, bare numbers and booleans, and quoted empty fields', () => {
    expect(parseCsvRecords('"a","b c",12,True,""\r\n"x",,-1.5,False,""\r\n', 'f.csv')).toEqual([
      { line: 1, fields: ['a', 'b c', '12', 'True', ''] },
      { line: 2, fields: ['x', '', '-1.5', 'False', ''] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and counts lines across them', () => {
    const text = '"h1","h2"\r\n"a, b","say ""hi"""\r\n"two\r\nlines","and\nthree\rmore"\r\n"last",1';
    expect(parseCsvRecords(text, 'f.csv')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a, b', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines', 'and\nthree\rmore'] },
      { line: 7, fields: ['last', '1'] },
    ]);
  });

  it('takes LF line ends, a byte-order mark and blank lines between records', () => {
    expect(parseCsvRecords('\ufeff"a"\n\n"b"\n', 'f.csv')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('refuses what is not CSV, naming the file and line', () => {
    expect(() => parseCsvRecords('"a"\r\n"b\r\nc', 'x.csv')).toThrow(
      new CsvError('x.csv', 2, 'a quoted field is not closed before the end of the file'),
    );
    expect(() => parseCsvRecords('"a"\r\n"b"c\r\n', 'x.csv')).toThrow('x.csv:2: text after a closing quote ("c\\r\\n")');
    expect(() => parseCsvRecords('"a"\r\nb"c\r\n', 'x.csv')).toThrow('x.csv:2: a quote inside a field that does not start with one');
  });
});

describe('parseCsv', () => {
  it('gives the header and records as long as it', () => {
    expect(parseCsv('"LABEL","KEY"\r\n"Tag","pii"\r\n', 'n.csv')).toEqual({
      file: 'n.csv',
      header: ['LABEL', 'KEY'],
      records: [{ line: 2, fields: ['Tag', 'pii'] }],
    });
    expect(parseCsv('', 'n.csv')).toEqual({ file: 'n.csv', header: [], records: [] });
  });

  it('refuses records of another length than the header, and headers with empty or repeated names', () => {
    expect(() => parseCsv('"LABEL","KEY"\r\n"Tag"\r\n', 'n.csv')).toThrow('n.csv:2: 1 fields where the header has 2');
    expect(() => parseCsv('"LABEL","KEY","KEY"\r\n', 'n.csv')).toThrow('n.csv:1: the header names KEY twice');
    expect(() => parseCsv('"LABEL",""\r\n', 'n.csv')).toThrow('n.csv:1: the header has an empty column name');
  });
});
