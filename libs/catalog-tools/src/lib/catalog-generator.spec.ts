import {
  FEATURE_KEY,
  ingestFeatureLineageSchema,
  ingestFeaturesSchema,
  ingestReadsSchema,
  ingestTablesSchema,
  ingestUsersSchema,
  parseTableKey,
} from '@fram/models';
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
    expect(a.features).toBeUndefined();
  });

  it('makes records the ingestion API takes', () => {
    const catalog = generateCatalog({ tables: 200, users: 20, features: 50, seed: 3 });
    expect(ingestTablesSchema.safeParse({ tables: catalog.tables }).error).toBeUndefined();
    expect(ingestUsersSchema.safeParse({ users: catalog.users }).error).toBeUndefined();
    expect(ingestReadsSchema.safeParse({ reads: catalog.reads }).error).toBeUndefined();
    expect(ingestFeaturesSchema.safeParse({ features: catalog.features }).error).toBeUndefined();
    expect(ingestFeatureLineageSchema.safeParse({ feature_lineage: catalog.feature_lineage }).error).toBeUndefined();
  });

  it('adds features when asked, in groups, with lineage between them, leaving the rest as it was', () => {
    const plain = generateCatalog({ tables: 300, users: 10, seed: 4 });
    const { features = [], feature_lineage = [], ...rest } = generateCatalog({ tables: 300, users: 10, features: 45, seed: 4 });
    expect(rest).toEqual(plain);
    const keys = features.map((f) => `${f.feature_group}/${f.name}/${f.version}`);
    expect(new Set(keys).size).toBe(45);
    expect(keys.every((k) => FEATURE_KEY.test(k))).toBe(true);
    expect(new Set(features.map((f) => f.feature_group)).size).toBe(3);
    const people = new Set(plain.users.map((u) => u.email));
    expect(features.flatMap((f) => f.owners).every((o) => people.has(o))).toBe(true);
    expect(feature_lineage).toHaveLength(42);
    expect(feature_lineage.flatMap((e) => [e.upstream, e.downstream]).every((k) => keys.includes(k))).toBe(true);
  });
});
