import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserSession, pkcePair, readForm } from './browser-session';
import { runNginx } from './nginx';
import { freePort } from './node-process';
import { chownTreeToNobody, nobodyId, runningAsRoot } from './unprivileged-user';

/** Debian's packages (`.ci/run` installs them): the FastCGI server and the portal's files. */
const FASTCGI_SERVER = '/usr/sbin/llng-fastcgi-server';
const PORTAL_FILES = '/usr/share/lemonldap-ng/portal';
const JAVASCRIPT_FILES = '/usr/share/javascript';
/**
 * What `.ci/run` installs: the server, the portal, and what the portal loads
 * but Debian only recommends (the captcha's GD::SecurityImage with
 * Image::Magick; String::Random and IO::String for the OpenID issuer).
 */
const DEBIAN_PACKAGES = [
  'lemonldap-ng-fastcgi-server',
  'liblemonldap-ng-portal-perl',
  'libgd-securityimage-perl',
  'libimage-magick-perl',
  'libstring-random-perl',
  'libio-string-perl',
];

/** A person of LemonLDAP::NG's Demo authentication backend (the password is the login). */
export interface LemonLdapUser {
  login: string;
  password: string;
  name: string;
  email: string;
  /** The groups the launcher's `groups` rules put them in (besides the Demo backend's own: users, timelords, earthlings). */
  groups: string[];
}

/** A confidential relying party registered at the portal. */
export interface LemonLdapClient {
  clientId: string;
  clientSecret: string;
}

export interface LemonLdapTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export interface LemonLdapOptions {
  /** Fram's external URL: the frontend client's redirect URI is `{publicUrl}/auth`, its post-logout one `{publicUrl}/`. */
  publicUrl: string;
  /** Put in every access token's `aud` besides the client id (what Fram's AUTH_AUDIENCE names). */
  audience?: string;
  /** Lifetime of the frontend client's access tokens, in seconds (short, to see refreshes). */
  accessTokenLifetimeS?: number;
  /** LemonLDAP::NG's log level (its log lines land in output()). */
  logLevel?: 'error' | 'warn' | 'notice' | 'info' | 'debug';
}

export interface LemonLdap {
  /** The OpenID issuer: the portal's URL, without a trailing slash. */
  issuer: string;
  /** http://127.0.0.1:PORT/, where people sign in. */
  portalUrl: string;
  audience: string;
  clients: {
    /** Fram's frontend: code flow with PKCE, refresh tokens, JWT access tokens carrying email and groups. */
    frontend: LemonLdapClient;
    /** A service such as `npm run ingest`: client_credentials, granted read:data, write:data and admin:system when asked. */
    service: LemonLdapClient;
    /** metadata's own identity (SERVICE_CLIENT_ID): client_credentials, granted read:data and write:data when asked. */
    metadata: LemonLdapClient;
  };
  /** dwho (group fram-admins), rtyler (fram-editors) and msmith (no Fram group). */
  users: { admin: LemonLdapUser; editor: LemonLdapUser; reader: LemonLdapUser };
  /** Groups an operator maps to Fram's roles (ADMIN_GROUPS, WRITE_GROUPS). */
  groups: { admins: string; editors: string };
  /** A client_credentials access token of the service client (client_secret_post). */
  clientToken(scope: string): Promise<string>;
  /** A person's tokens from a scripted sign-in at the portal as Fram's frontend client (code flow with PKCE). */
  signIn(user: LemonLdapUser, scope?: string): Promise<LemonLdapTokens>;
  /** The token endpoint's requests so far, oldest first: their grant type and LemonLDAP::NG's answer (from nginx's log). */
  tokenRequests(): { grantType: string; status: number }[];
  /** What nginx and LemonLDAP::NG logged so far. */
  output(): string;
  stop(): Promise<void>;
}

const GROUPS = { admins: 'fram-admins', editors: 'fram-editors' };
const USERS = {
  admin: { login: 'dwho', password: 'dwho', name: 'Doctor Who', email: 'dwho@badwolf.org', groups: [GROUPS.admins] },
  editor: { login: 'rtyler', password: 'rtyler', name: 'Rose Tyler', email: 'rtyler@badwolf.org', groups: [GROUPS.editors] },
  reader: { login: 'msmith', password: 'msmith', name: 'Mickey Smith', email: 'msmith@badwolf.org', groups: [] },
} satisfies Record<string, LemonLdapUser>;

/**
 * A real LemonLDAP::NG 2.16 portal (Debian's packages, as an operator runs it:
 * `llng-fastcgi-server` behind nginx) as an OpenID provider on a free loopback
 * port, over plain http, with everything in a new temporary folder: its own
 * lemonldap-ng.ini (LLNG_DEFAULTCONFFILE), a File configuration backend holding
 * the lmConf-1.json written here, sessions and caches. The configuration: the
 * Demo authentication backend (dwho, rtyler, msmith; the password is the
 * login), groups from rules, a fresh RSA signing key with a kid, and three
 * confidential relying parties (Fram's frontend, a service, metadata). stop()
 * ends both servers and removes the folder.
 */
export async function startLemonLdap(options: LemonLdapOptions): Promise<LemonLdap> {
  if (!existsSync(FASTCGI_SERVER) || !existsSync(PORTAL_FILES)) {
    throw new Error(
      `LemonLDAP::NG is not installed: apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')} (as .ci/run does)`,
    );
  }
  const port = await freePort();
  const portalUrl = `http://127.0.0.1:${port}/`;
  const issuer = `http://127.0.0.1:${port}`;
  const audience = options.audience ?? 'api://fram';
  const publicUrl = options.publicUrl.replace(/\/$/, '');
  const clients = {
    frontend: confidentialClient('fram-frontend'),
    service: confidentialClient('fram-service'),
    metadata: confidentialClient('fram-metadata'),
  };

  const dir = mkdtempSync(join(tmpdir(), 'fram-llng-'));
  for (const sub of ['conf', 'sessions/lock', 'psessions/lock', 'cache', 'notifications']) mkdirSync(join(dir, sub), { recursive: true });
  const iniFile = join(dir, 'lemonldap-ng.ini');
  writeFileSync(
    iniFile,
    `[all]
logLevel = ${options.logLevel ?? 'warn'}
logger = Lemonldap::NG::Common::Logger::Std
userLogger = Lemonldap::NG::Common::Logger::Std
checkTime = 1

[configuration]
type = File
dirName = ${join(dir, 'conf')}

[portal]
staticPrefix = /static
templateDir = ${PORTAL_FILES}/templates
languages = en

[handler]
status = 0
`,
  );
  const configuration = lemonLdapConfiguration({ dir, portalUrl, issuer, audience, publicUrl, clients, options });
  writeFileSync(join(dir, 'conf', 'lmConf-1.json'), JSON.stringify(configuration, null, 2));

  // llng-fastcgi-server refuses to run as root: as root (CI), it runs as nobody, owning the folder.
  const root = runningAsRoot();
  if (root) chownTreeToNobody(dir);
  const socket = join(dir, 'llng.sock');
  const tokenLog = join(dir, 'token-requests.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LLNG_DEFAULTCONFFILE: iniFile,
    LLNG_DEFAULTLOGGER: 'Lemonldap::NG::Common::Logger::Std',
  };
  // The server reads these too (USER and GROUP: whom to run as).
  for (const name of ['USER', 'GROUP', 'PID', 'SOCKET', 'LISTEN', 'ENGINE', 'NPROC', 'CUSTOM_FUNCTIONS_FILE']) delete env[name];
  const fastcgi = spawn(
    FASTCGI_SERVER,
    ['--foreground', '-n', '2', '-p', join(dir, 'llng.pid'), '-s', socket, ...(root ? ['-u', 'nobody', '-g', nobodyId('-gn')] : [])],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  fastcgi.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  fastcgi.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stopFastcgi = () =>
    new Promise<void>((resolve) => {
      if (fastcgi.exitCode !== null || fastcgi.signalCode !== null) return resolve();
      fastcgi.once('exit', () => resolve());
      fastcgi.kill('SIGTERM');
    });

  let nginx: Awaited<ReturnType<typeof runNginx>> | undefined;
  const stop = async () => {
    await nginx?.stop();
    await stopFastcgi();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await untilExists(
      socket,
      () => fastcgi.exitCode !== null,
      () => output,
    );
    nginx = await runNginx(port, () => portalServer(port, socket, tokenLog));
    await untilReady(
      `${issuer}/.well-known/openid-configuration`,
      () => fastcgi.exitCode !== null,
      () => output + nginx!.output(),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const logs = () => output + (nginx?.output() ?? '');

  // client_secret_post: LemonLDAP::NG 2.16 does not form-decode client_secret_basic credentials (see confidentialClient).
  const tokenRequest = async (client: LemonLdapClient, body: Record<string, string>) => {
    const response = await fetch(`${issuer}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...body, client_id: client.clientId, client_secret: client.clientSecret }),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok || typeof answer['access_token'] !== 'string')
      throw new Error(`token endpoint: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };

  return {
    issuer,
    portalUrl,
    audience,
    clients,
    users: USERS,
    groups: GROUPS,
    async clientToken(scope) {
      return (await tokenRequest(clients.service, { grant_type: 'client_credentials', scope }))['access_token'] as string;
    },
    async signIn(user, scope = 'openid email profile') {
      const browser = new BrowserSession();
      const redirectUri = `${publicUrl}/auth`;
      const { verifier, challenge } = pkcePair();
      const authorize = `${issuer}/oauth2/authorize?${new URLSearchParams({
        client_id: clients.frontend.clientId,
        response_type: 'code',
        scope,
        redirect_uri: redirectUri,
        state: randomBytes(8).toString('hex'),
        nonce: randomBytes(8).toString('hex'),
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }).toString()}`;
      const start = await browser.follow(authorize, {}, redirectUri);
      const form = readForm(await start.response.text());
      const done = await browser.submit(
        new URL(form.action || start.url, start.url).href,
        { ...form.fields, user: user.login, password: user.password },
        redirectUri,
      );
      const code = new URL(done.url).searchParams.get('code');
      if (!code) throw new Error(`sign-in of ${user.login} at LemonLDAP::NG failed: ${done.url} ${done.response.status}`);
      const tokens = await tokenRequest(clients.frontend, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      });
      return {
        accessToken: tokens['access_token'] as string,
        idToken: tokens['id_token'] as string,
        ...(typeof tokens['refresh_token'] === 'string' && { refreshToken: tokens['refresh_token'] }),
        expiresIn: Number(tokens['expires_in']),
      };
    },
    tokenRequests: () =>
      (existsSync(tokenLog) ? readFileSync(tokenLog, 'utf8') : '')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [grantType, status] = line.split(' ');
          return { grantType, status: Number(status) };
        }),
    output: logs,
    stop,
  };
}

interface ConfigurationInput {
  dir: string;
  portalUrl: string;
  issuer: string;
  audience: string;
  publicUrl: string;
  clients: LemonLdap['clients'];
  options: LemonLdapOptions;
}

/**
 * lmConf-1.json, as LemonLDAP::NG's manager would save it (keys from its
 * Manager/Attributes.pm). Scopes: only declared ones are granted
 * (oidcServiceAllowOnlyDeclaredScopes); the service client's role scopes are
 * granted when asked for (oidcRPMetaDataScopeRules), so a client_credentials
 * token carries exactly the role scopes it requested.
 */
function lemonLdapConfiguration(input: ConfigurationInput): Record<string, unknown> {
  const { dir, portalUrl, issuer, audience, publicUrl, clients, options } = input;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fileStorage = (name: string) => ({ Directory: join(dir, name), LockDirectory: join(dir, name, 'lock') });
  const signing = { oidcRPMetaDataOptionsIDTokenSignAlg: 'RS256', oidcRPMetaDataOptionsAccessTokenSignAlg: 'RS256' };
  // A confidential client that may use client_credentials, its access tokens JWTs for Fram's audience.
  const serviceClient = (client: LemonLdapClient) => ({
    oidcRPMetaDataOptionsClientID: client.clientId,
    oidcRPMetaDataOptionsClientSecret: client.clientSecret,
    oidcRPMetaDataOptionsPublic: 0,
    oidcRPMetaDataOptionsAllowClientCredentialsGrant: 1,
    oidcRPMetaDataOptionsAccessTokenJWT: 1,
    oidcRPMetaDataOptionsAccessTokenClaims: 1,
    oidcRPMetaDataOptionsAdditionalAudiences: audience,
    ...signing,
  });
  return {
    cfgNum: 1,
    cfgVersion: '2.16.1',
    cfgAuthor: 'Fram tests',
    cfgDate: String(Math.floor(Date.now() / 1000)),
    portal: portalUrl,
    domain: '127.0.0.1',
    cookieName: 'lemonldap',
    securedCookie: 0,
    httpOnly: 1,
    authentication: 'Demo',
    userDB: 'Same',
    passwordDB: 'Demo',
    registerDB: 'Null',
    demoExportedVars: { cn: 'cn', mail: 'mail', uid: 'uid' },
    exportedVars: {},
    // Groups from rules on the person's attributes, as an operator maps directory data to groups.
    groups: Object.fromEntries(
      Object.values(USERS).flatMap((user) => user.groups.map((group) => [group, `$uid eq "${user.login}"`] as const)),
    ),
    macros: { _whatToTrace: '$uid' },
    whatToTrace: '_whatToTrace',
    globalStorage: 'Apache::Session::File',
    globalStorageOptions: { ...fileStorage('sessions'), generateModule: 'Lemonldap::NG::Common::Apache::Session::Generate::SHA256' },
    persistentStorage: 'Apache::Session::File',
    persistentStorageOptions: fileStorage('psessions'),
    localSessionStorage: 'Cache::FileCache',
    localSessionStorageOptions: {
      cache_root: join(dir, 'cache'),
      cache_depth: 3,
      default_expires_in: 600,
      directory_umask: '007',
      namespace: 'lemonldap-ng-sessions',
    },
    notification: 0,
    notificationStorage: 'File',
    notificationStorageOptions: { dirName: join(dir, 'notifications') },
    loginHistoryEnabled: 0,
    portalSkin: 'bootstrap',
    portalDisplayLogout: 1,
    timeout: 72000,
    locationRules: {},
    exportedHeaders: {},

    issuerDBOpenIDConnectActivation: 1,
    oidcServiceMetaDataIssuer: issuer,
    oidcServicePrivateKeySig: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    oidcServicePublicKeySig: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    oidcServiceKeyIdSig: `fram-test-${randomBytes(4).toString('hex')}`,
    oidcServiceAllowOnlyDeclaredScopes: 1,
    oidcServiceIgnoreScopeForClaims: 1,
    oidcRPMetaDataOptions: {
      'fram-frontend': {
        oidcRPMetaDataOptionsClientID: clients.frontend.clientId,
        oidcRPMetaDataOptionsClientSecret: clients.frontend.clientSecret,
        oidcRPMetaDataOptionsPublic: 0,
        oidcRPMetaDataOptionsRedirectUris: `${publicUrl}/auth`,
        oidcRPMetaDataOptionsPostLogoutRedirectUris: `${publicUrl}/`,
        oidcRPMetaDataOptionsBypassConsent: 1,
        oidcRPMetaDataOptionsLogoutBypassConfirm: 1,
        oidcRPMetaDataOptionsRequirePKCE: 1,
        oidcRPMetaDataOptionsRefreshToken: 1,
        oidcRPMetaDataOptionsAccessTokenJWT: 1,
        oidcRPMetaDataOptionsAccessTokenClaims: 1,
        oidcRPMetaDataOptionsIDTokenForceClaims: 1,
        oidcRPMetaDataOptionsAdditionalAudiences: audience,
        ...(options.accessTokenLifetimeS !== undefined && { oidcRPMetaDataOptionsAccessTokenExpiration: options.accessTokenLifetimeS }),
        ...signing,
      },
      'fram-service': serviceClient(clients.service),
      'fram-metadata': serviceClient(clients.metadata),
    },
    oidcRPMetaDataExportedVars: {
      'fram-frontend': { email: 'mail', name: 'cn', preferred_username: 'uid', groups: 'groups;string;always' },
      'fram-service': {},
      'fram-metadata': {},
    },
    oidcRPMetaDataScopeRules: {
      'fram-service': { 'read:data': '$requested', 'write:data': '$requested', 'admin:system': '$requested' },
      'fram-metadata': { 'read:data': '$requested', 'write:data': '$requested' },
    },
  };
}

/**
 * nginx in front of the FastCGI server, serving the portal's static files
 * itself (Debian's portal-nginx.conf, reduced); the token endpoint's requests
 * are logged with their grant type only (never a token or secret).
 */
function portalServer(port: number, socket: string, tokenLog: string): string {
  const toPortal = `fastcgi_pass llng_portal;
      fastcgi_param LLTYPE portal;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param QUERY_STRING $query_string;
      fastcgi_param CONTENT_TYPE $content_type;
      fastcgi_param CONTENT_LENGTH $content_length;
      fastcgi_param REQUEST_URI $request_uri;
      fastcgi_param SCRIPT_NAME "";
      fastcgi_param PATH_INFO $uri;
      fastcgi_param SERVER_PROTOCOL $server_protocol;
      fastcgi_param REQUEST_SCHEME $scheme;
      fastcgi_param SERVER_NAME $server_name;
      fastcgi_param SERVER_PORT $server_port;
      fastcgi_param REMOTE_ADDR $remote_addr;
      fastcgi_param REMOTE_PORT $remote_port;
      fastcgi_param HTTP_HOST $http_host;`;
  return `  upstream llng_portal { server unix:${socket}; }
  map $request_body $llng_grant_type { "~(^|&)grant_type=(?<grant>[a-z_]+)" $grant; default "-"; }
  log_format llng_token_requests '$llng_grant_type $status';
  server {
    listen 127.0.0.1:${port};
    server_name 127.0.0.1;
    location /static/ { alias ${PORTAL_FILES}/htdocs/static/; }
    location /javascript/ { alias ${JAVASCRIPT_FILES}/; }
    location = /oauth2/token {
      access_log ${tokenLog} llng_token_requests;
      ${toPortal}
    }
    location / {
      ${toPortal}
    }
  }
`;
}

/**
 * A client with a random secret. Every client here (and Fram, told
 * OIDC_TOKEN_AUTH_METHOD=client_secret_post) authenticates with
 * client_secret_post: LemonLDAP::NG 2.16 reads client_secret_basic credentials
 * as `^Basic (\w+)` and does not form-decode them (RFC 6749 §2.3.1), so an id
 * with a '-' (fram-frontend, sent as fram%2Dfrontend) would never match.
 */
function confidentialClient(clientId: string): LemonLdapClient {
  return { clientId, clientSecret: randomBytes(24).toString('base64url') };
}

/** Until the FastCGI server listens on its socket. */
async function untilExists(path: string, exited: () => boolean, logs: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(path)) {
    if (exited()) throw new Error(`llng-fastcgi-server exited:\n${logs()}`);
    if (Date.now() > deadline) throw new Error(`llng-fastcgi-server did not open ${path}:\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Until the discovery document answers 200 (the portal compiles on its first request). */
async function untilReady(url: string, exited: () => boolean, logs: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited()) throw new Error(`llng-fastcgi-server exited:\n${logs()}`);
    let body = '';
    try {
      const response = await fetch(url);
      body = await response.text();
      if (response.ok) return;
    } catch {
      // not answering yet
    }
    if (body.includes('Initialization failed')) throw new Error(`LemonLDAP::NG could not start:\n${logs()}`);
    if (Date.now() > deadline) throw new Error(`LemonLDAP::NG did not answer ${url}:\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
