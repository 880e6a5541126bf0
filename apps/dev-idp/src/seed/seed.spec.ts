import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConfigError } from '@fram/config';
import defaultSeed from './default-seed.json';
import { loadSeed, seedSchema } from './seed';

const write = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'seed-')), 'seed.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const problems = (path: string) => {
  try {
    loadSeed(path);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('the seed', () => {
  it('default seed: a dozen people in a few teams, with admin, writer and read-only groups, and the clients Fram needs', () => {
    const seed = seedSchema.parse(defaultSeed);
    expect(seed.users).toHaveLength(12);
    expect(new Set(seed.users.map((u) => u.profile.department)).size).toBeGreaterThanOrEqual(4);
    expect(seed.groups.map((g) => g.name)).toEqual(expect.arrayContaining(['Fram Admins', 'Data Engineers', 'Analysts', 'Business Users']));
    expect(seed.clients.map((c) => c.client_id)).toEqual(['fram-frontend', 'fram-metadata', 'fram-scripts', 'fram-cli']);
  });

  it('loads a valid file', () => {
    const path = write(defaultSeed);
    expect(loadSeed(path).users).toHaveLength(12);
  });

  it('names the variable, the file and the place of each problem', () => {
    const broken = structuredClone(defaultSeed) as { users: { id: string; groups: string[] }[] };
    broken.users[0].id = 'ada';
    broken.users[1].groups = ['00gnosuchgroup'];
    const path = write(broken);
    expect(problems(path)).toEqual([`DEV_IDP_SEED: ${path} at users.0.id: user ids look like Okta ids: 00u...`]);
    broken.users[0].id = '00uada';
    expect(problems(write(broken))).toEqual([expect.stringContaining('user 00u02grace0000000000 is in unknown group 00gnosuchgroup')]);
    expect(problems(write('{not json'))[0]).toMatch(/^DEV_IDP_SEED: cannot read .* as JSON/);
  });
});
