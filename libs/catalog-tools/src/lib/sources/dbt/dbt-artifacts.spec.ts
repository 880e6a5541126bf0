import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbtArtifactError, readDbtArtifacts } from './dbt-artifacts';
import { dbtCatalog } from './dbt-catalog';

/** The repository's root (this file is in libs/catalog-tools/src/lib/sources/dbt). */
const WORKSPACE = join(__dirname, '..', '..', '..', '..', '..', '..');

const SHOPVERSE = join(WORKSPACE, '..', 'shared', 'fixtures', 'dbt', 'AvinashAnalytics__shopverse-dbt-snowflake-pipeline');
const shopverse = (file: string) => JSON.parse(readFileSync(join(SHOPVERSE, file), 'utf8')) as Record<string, unknown>;

const made: string[] = [];
/** A target directory holding these files (objects are written as JSON). */
function target(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fram-dbt-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** shopverse's manifest claiming another schema version. */
function manifestOfVersion(schemaVersion: string) {
  const manifest = shopverse('manifest.json') as { metadata: Record<string, unknown> };
  return { ...manifest, metadata: { ...manifest.metadata, dbt_schema_version: schemaVersion } };
}

describe('readDbtArtifacts', () => {
  it('refuses manifest schema versions before v4 and after v12, naming the version and what Fram reads', () => {
    const old = target({ 'manifest.json': manifestOfVersion('https://schemas.getdbt.com/dbt/manifest/v3.json') });
    expect(() => readDbtArtifacts(old)).toThrow(DbtArtifactError);
    expect(() => readDbtArtifacts(old)).toThrow(
      /manifest of schema v3; Fram reads v4 \(dbt 1\.0\) to v12 .*upgrade the project to dbt 1\.0/,
    );
    const future = target({ 'manifest.json': manifestOfVersion('https://schemas.getdbt.com/dbt/manifest/v13.json') });
    expect(() => dbtCatalog(future, {})).toThrow(/manifest of schema v13; Fram reads v4 \(dbt 1\.0\) to v12/);
    const strange = target({ 'manifest.json': manifestOfVersion('https://schemas.getdbt.com/dbt/catalog/v1.json') });
    expect(() => readDbtArtifacts(strange)).toThrow(/metadata\.dbt_schema_version ".*catalog\/v1\.json" is not a dbt manifest schema/);
  });

  it('reads every version from v4 to v12 by its number', () => {
    for (let version = 4; version <= 12; version++) {
      const dir = target({ 'manifest.json': manifestOfVersion(`https://schemas.getdbt.com/dbt/manifest/v${version}.json`) });
      expect(readDbtArtifacts(dir).manifestVersion).toBe(version);
    }
  });

  it('refuses a directory without manifest.json, a file that is not JSON, and JSON that is not a manifest', () => {
    const empty = target({});
    expect(() => readDbtArtifacts(empty)).toThrow(`${empty} has no manifest.json`);
    expect(() => readDbtArtifacts(join(empty, 'nowhere'))).toThrow(`${join(empty, 'nowhere')} does not exist`);
    expect(() => readDbtArtifacts(target({ 'manifest.json': '{"metadata": ' }))).toThrow(/Cannot read .*manifest\.json as JSON/);
    expect(() => readDbtArtifacts(target({ 'manifest.json': { metadata: { dbt_schema_version: 'x' } } }))).toThrow(
      /manifest\.json is not a dbt artifact: nodes: /,
    );
    const badCatalog = target({ 'manifest.json': shopverse('manifest.json'), 'catalog.json': { nodes: [] } });
    expect(() => readDbtArtifacts(badCatalog)).toThrow(/catalog\.json is not a dbt artifact: nodes: /);
  });

  it('takes the path of a manifest.json as its directory, and reads the optional files only when there', () => {
    const artifacts = readDbtArtifacts(join(SHOPVERSE, 'manifest.json'));
    expect(artifacts.targetDir).toBe(SHOPVERSE);
    expect(artifacts.catalog).toBeDefined();
    expect(artifacts.runResults?.args?.which).toBe('generate');
    expect(artifacts.sources).toBeUndefined();
  });
});
