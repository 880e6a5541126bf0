import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadOidcClientConfig } from '@fram/auth';
import { readProcessConfig } from '@fram/service';
import { workspaceRoot } from '@fram/testing';

const root = workspaceRoot();
const APPS = ['dev-idp', 'search', 'metadata', 'frontend'];
const REQUIRED = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OKTA_ORG_URL',
  'SERVICE_CLIENT_ID',
  'SERVICE_CLIENT_SECRET',
  'SESSION_SECRET',
  'NEO4J_PASSWORD',
  'ELASTIC_PASSWORD',
];
const SECRETS = ['OIDC_CLIENT_SECRET', 'SERVICE_CLIENT_SECRET', 'SESSION_SECRET', 'NEO4J_PASSWORD', 'ELASTIC_PASSWORD', 'OKTA_API_TOKEN'];

interface ComposeService {
  image?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

/** docker-compose v1 (Debian's package; .ci/run installs it) with an env file; no Docker engine is needed to validate. */
function compose(envFile: string, ...args: string[]): { status: number | null; output: string } {
  if (spawnSync('docker-compose', ['--version']).status !== 0) {
    throw new Error('docker-compose is not installed: apt-get install -y --no-install-recommends docker-compose (as .ci/run does)');
  }
  const result = spawnSync('docker-compose', ['--env-file', envFile, '-f', join(root, 'docker-compose.yml'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function envFile(values: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fram-compose-')), '.env');
  writeFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  return file;
}

const complete = Object.fromEntries(
  REQUIRED.map((name) => [
    name,
    name.endsWith('URL') || name === 'OIDC_ISSUER' ? 'https://acme.okta.com/oauth2/default' : `test-value-for-${name.toLowerCase()}`,
  ]),
);

describe('docker-compose.yml', () => {
  it('is valid for docker-compose, with and without the dev-idp profile', () => {
    const file = envFile(complete);
    expect(compose(file, 'config', '-q')).toMatchObject({ status: 0 });
    expect(compose(file, '--profile', 'dev-idp', 'config', '-q')).toMatchObject({ status: 0 });
  });

  it('has no default for anything required: each missing value stops it, named', () => {
    for (const name of REQUIRED) {
      const { [name]: _missing, ...rest } = complete;
      const result = compose(envFile(rest), 'config', '-q');
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`set ${name} in .env`);
    }
  });

  it('gives every service a healthcheck, starts each after what it needs is healthy, and keeps data in volumes', () => {
    const config = parse(compose(envFile(complete), '--profile', 'dev-idp', 'config').output) as {
      services: Record<string, ComposeService>;
      volumes: Record<string, unknown>;
    };
    const { services } = config;
    expect(Object.keys(services).sort()).toEqual(['dev-idp', 'elasticsearch', 'frontend', 'metadata', 'neo4j', 'search']);
    for (const [name, service] of Object.entries(services))
      expect([name, service.healthcheck?.test.length]).toEqual([name, expect.any(Number)]);
    expect(services['neo4j'].image).toMatch(/^neo4j:5/);
    expect(services['elasticsearch'].image).toMatch(/elasticsearch:8\./);
    expect(services['search'].depends_on).toEqual({ elasticsearch: { condition: 'service_healthy' } });
    expect(services['metadata'].depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, search: { condition: 'service_healthy' } });
    expect(services['frontend'].depends_on).toEqual({
      metadata: { condition: 'service_healthy' },
      search: { condition: 'service_healthy' },
    });
    expect(services['metadata'].environment).toMatchObject({ METADATA_BACKEND: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687' });
    expect(services['search'].environment).toMatchObject({
      SEARCH_BACKEND: 'elasticsearch',
      ELASTICSEARCH_URL: 'http://elasticsearch:9200',
    });
    expect(services['dev-idp'].profiles).toEqual(['dev-idp']);
    for (const name of ['neo4j', 'elasticsearch', 'search', 'metadata', 'frontend'])
      expect(services[name].volumes?.length).toBeGreaterThan(0);
    expect(Object.keys(config.volumes).sort()).toEqual([
      'elasticsearch-data',
      'frontend-data',
      'metadata-data',
      'neo4j-data',
      'search-data',
    ]);
  });

  it("publishes only Fram's own ports, on loopback unless told otherwise; Neo4j and Elasticsearch stay inside", () => {
    const { services } = parse(compose(envFile(complete), '--profile', 'dev-idp', 'config').output) as {
      services: Record<string, ComposeService>;
    };
    expect(services['neo4j'].ports).toBeUndefined();
    expect(services['elasticsearch'].ports).toBeUndefined();
    for (const name of ['search', 'metadata', 'frontend', 'dev-idp']) {
      for (const port of services[name].ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it("runs the frontend behind a TLS-terminating proxy: its environment, with the image's NODE_ENV=production, is a valid production configuration", () => {
    const frontendEnv = (values: Record<string, string>) => {
      const { services } = parse(compose(envFile({ ...complete, ...values }), 'config').output) as {
        services: Record<string, ComposeService>;
      };
      return { ...services['frontend'].environment, NODE_ENV: 'production', SESSION_SECRET: 'kq3VZ7oQm1bR8yTf0Lx2NcW5hJ9dE4sA6uGiPzYv' };
    };
    const behindProxy = frontendEnv({ PUBLIC_URL: 'https://fram.example.com' });
    expect(behindProxy).toMatchObject({ TRUST_PROXY: 'loopback,uniquelocal', ALLOW_HTTP_PUBLIC_URL: 'no' });
    expect(readProcessConfig(behindProxy, 5000).trustProxy).toEqual(['loopback', 'uniquelocal']);
    expect(loadOidcClientConfig(behindProxy)).toMatchObject({ publicUrl: 'https://fram.example.com', secureCookies: true });
    expect(readProcessConfig(frontendEnv({ TRUST_PROXY: '1' }), 5000).trustProxy).toBe(1);
    // The default PUBLIC_URL is this machine (a laptop); another http address needs the explicit switch.
    expect(loadOidcClientConfig(frontendEnv({})).secureCookies).toBe(false);
    expect(() => loadOidcClientConfig(frontendEnv({ PUBLIC_URL: 'http://fram.example.com' }))).toThrow(
      /PUBLIC_URL: .*ALLOW_HTTP_PUBLIC_URL=yes/,
    );
    expect(loadOidcClientConfig(frontendEnv({ PUBLIC_URL: 'http://fram.example.com', ALLOW_HTTP_PUBLIC_URL: 'yes' })).secureCookies).toBe(
      false,
    );
  });

  it('hands OIDC_TOKEN_AUTH_METHOD, OIDC_RESOURCE and OIDC_AUDIENCE_PARAM from .env to the apps that ask for tokens (metadata, the frontend), empty (unset) by default', () => {
    const services = (values: Record<string, string>) =>
      (parse(compose(envFile({ ...complete, ...values }), 'config').output) as { services: Record<string, ComposeService> }).services;
    const given = {
      OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
      OIDC_RESOURCE: 'api://fram',
      OIDC_AUDIENCE_PARAM: 'https://fram.example.com/api',
    };
    const set = services(given);
    for (const name of ['metadata', 'frontend']) {
      expect([name, set[name].environment]).toEqual([name, expect.objectContaining(given)]);
      expect([name, services({})[name].environment]).toEqual([
        name,
        expect.objectContaining({ OIDC_TOKEN_AUTH_METHOD: '', OIDC_RESOURCE: '', OIDC_AUDIENCE_PARAM: '' }),
      ]);
    }
    expect(Object.keys(set['search'].environment ?? {})).not.toContain('OIDC_TOKEN_AUTH_METHOD');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const name of Object.keys(given)) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it("hands the settings of other providers (docs/other-providers.md) from .env to the apps that read them, empty (the apps' defaults) unless set", () => {
    const services = (values: Record<string, string>) =>
      (parse(compose(envFile({ ...complete, ...values }), 'config').output) as { services: Record<string, ComposeService> }).services;
    const apis = ['search', 'metadata', 'frontend'];
    const given: Record<string, { value: string; to: string[] }> = {
      AUTH_ISSUERS: { value: 'https://a.example.com,https://b.example.com', to: apis },
      OIDC_USER_ID_CLAIM: { value: 'preferred_username', to: apis },
      ROLES_CLAIM: { value: 'realm_access.roles,resource_access.fram-frontend.roles', to: apis },
      ADMIN_SCOPES: { value: 'admin:system,Fram.Admin', to: apis },
      WRITE_SCOPES: { value: 'write:data,Fram.Write', to: apis },
      READ_SCOPES: { value: 'read:data,Fram.Read', to: apis },
      OIDC_SCOPES: { value: '"openid email profile offline_access api://fram/access_as_user"', to: ['frontend'] },
      SERVICE_SCOPES: { value: 'api://fram/.default', to: ['metadata'] },
      USER_DIRECTORY: { value: 'none', to: ['metadata'] },
    };
    const set = services(Object.fromEntries(Object.entries(given).map(([name, { value }]) => [name, value])));
    const unset = services({});
    for (const [name, { value, to }] of Object.entries(given)) {
      for (const app of to) {
        expect([app, name, set[app].environment?.[name]]).toEqual([app, name, value.replace(/^"(.*)"$/, '$1')]);
        expect([app, name, unset[app].environment?.[name]]).toEqual([app, name, '']);
      }
    }
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const name of Object.keys(given)) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('contains no secret: every secret comes from .env, and .env.example leaves them empty', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    for (const name of SECRETS) {
      for (const use of text.match(new RegExp(`\\$\\{${name}[^}]*\\}`, 'g')) ?? [])
        expect(use).toMatch(new RegExp(`^\\$\\{${name}(:\\?.*|:-)?\\}$`));
      expect(text).not.toMatch(new RegExp(`\\$\\{${name}:-[^}]`));
    }
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const name of SECRETS) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });
});

describe('the Dockerfile', () => {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const stage = (name: string) => {
    const start = text.indexOf(`\nFROM runtime AS ${name}\n`);
    const end = text.indexOf('\nFROM ', start + 1);
    return text.slice(start, end === -1 ? undefined : end);
  };

  it('builds the workspace in one stage and gives every app its own image', () => {
    expect(text).toMatch(/^FROM node:20[\w.-]* AS build$/m);
    expect(text).toContain('npx nx run-many -t build -p dev-idp search metadata frontend web');
    expect(text).toContain('npm ci --omit=dev');
    const { services } = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { build?: { target?: string } }>;
    };
    for (const app of APPS) {
      expect(stage(app)).toContain(`COPY --from=build /workspace/dist/apps/${app} ./`);
      expect(services[app].build).toEqual({ context: '.', target: app });
    }
  });

  it.each(APPS)('%s runs as the unprivileged user "node", with the health check', (app) => {
    expect(stage(app)).toMatch(/^USER node$/m);
    expect(text.slice(text.indexOf('AS runtime'))).toMatch(/^HEALTHCHECK /m);
    expect(text).not.toMatch(/^USER root/m);
  });

  it('holds no secret, and keeps local state and secrets out of the build context', () => {
    expect(text).not.toMatch(/SECRET|PASSWORD|TOKEN/);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', '.data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});
