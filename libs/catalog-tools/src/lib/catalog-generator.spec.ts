import { parseTableKey } from '@fram/models';
import { generateCatalog } from './catalog-generator';

describe('generateCatalog', () => {
  it('makes the asked number of valid, unique tables, deterministically', () => {
    const a = generateCatalog({ tables: 500, users: 20, seed: 1 });
    const b = generateCatalog({ tables: 500, users: 20, seed: 1 });
    expect(a).toEqual(b);
    expect(a.tables).toHaveLength(500);
    expect(a.users).toHaveLength(20);
    expect(new Set(a.tableKeys).size).toBe(500);
    expect(a.tableKeys.every((k) => parseTableKey(k) !== undefined)).toBe(true);
    expect(new Set(a.reads.map((r) => `${r.user} ${r.table_key}`)).size).toBe(a.reads.length);
    expect(generateCatalog({ tables: 500, users: 20, seed: 2 }).tables).not.toEqual(a.tables);
  });
});
