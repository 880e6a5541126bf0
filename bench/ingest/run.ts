/**
 * bench/ingest: importing a large dbt project, against importing the same
 * records as a Fram catalog file (the baseline, measured in the same run).
 *
 *  1. writes a generated dbt target directory (dbt-project.ts: manifest.json
 *     of schema v12 and catalog.json; 10,000 models with 200,000 columns by
 *     default, seeded);
 *  2. (a) converts it in this process (dbtCatalog, what `npm run ingest --
 *     dbt DIR` does before sending), checks the records against what was
 *     generated and writes them as a Fram catalog file; reads that file back
 *     (readCatalogFile, what `npm run ingest -- FILE` does) as the baseline;
 *  3. (b) builds dev-idp and metadata and, for each of the file and the dbt
 *     directory, starts metadata on the embedded store in a fresh DATA_DIR and
 *     runs the ingest command itself (the script `npm run ingest` runs) to its
 *     end, timing it and taking its peak resident memory (ru_maxrss, written
 *     at exit by a preloaded module) and metadata's (VmHWM); then looks at one
 *     imported table (columns, owners, upstream lineage).
 *
 * The figures are printed, never asserted; a wrong record count or a failed
 * import makes the exit code 1.
 *
 * Each round converts and imports both ways, one after the other, so that both
 * see the same machine; times are medians over the rounds, peaks the highest.
 *
 *   npm run bench:ingest                          (10,000 models, 200,000 columns, 3 rounds)
 *   npm run bench:ingest -- --quick               (500 models, 10,000 columns, 1 round: a smoke run)
 *   npm run bench:ingest -- --models=2000 --columns=40000 --rounds=1 [--seed=N] [--keep]
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientCredentialsToken, dbtCatalog, readCatalogFile } from '@fram/catalog-tools';
import { freePort, startNode, type NodeProcess } from '@fram/testing';
import { writeDbtProject, type DbtProject } from './dbt-project';

const root = join(__dirname, '..', '..', '..', '..');
const INGEST_SCRIPT = join(root, 'tmp/scripts/apps/metadata/src/cli/ingest.main.js');
const BUDGET = { seconds: 60, mib: 1024 };

function option(name: string, fallback: number): number {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
}

const mib = (bytes: number) => bytes / 1024 / 1024;
const seconds = (since: number) => (performance.now() - since) / 1000;
const thousands = (n: number) => n.toLocaleString('en-US');

/** Peak resident memory of a running process (VmHWM), in MiB. */
function peakMiB(pid: number | undefined): number {
  const status = pid === undefined ? '' : readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface ConversionFigures {
  /** Median over the rounds. */
  dbtSeconds: number;
  /** Median over the rounds. */
  fileSeconds: number;
  fileBytes: number;
  warnings: string[];
  problems: string[];
}

/**
 * (a): dbt conversion and the catalog file's read, in this process, one after the other in each round; the first
 * round checks the records and writes the file for (b).
 */
function convert(target: string, file: string, project: DbtProject, rounds: number): ConversionFigures {
  const first = convertOnce(target, file, project);
  const dbt = [first.dbtSeconds];
  const read = [first.fileSeconds];
  for (let round = 1; round < rounds; round++) {
    let started = performance.now();
    dbtCatalog(target);
    dbt.push(seconds(started));
    started = performance.now();
    readCatalogFile(file);
    read.push(seconds(started));
  }
  return { ...first, dbtSeconds: median(dbt), fileSeconds: median(read) };
}

function convertOnce(target: string, file: string, project: DbtProject): ConversionFigures {
  let started = performance.now();
  const result = dbtCatalog(target);
  const dbtSeconds = seconds(started);
  const { tables, lineage, dashboards } = result.catalog;
  const columns = tables.reduce((n, table) => n + (table.columns?.length ?? 0), 0);
  const owners = new Set(tables.flatMap((table) => table.owners ?? []));
  const problems = [
    tables.length !== project.models && `${tables.length} tables made of ${project.models} models`,
    columns !== project.columns && `${columns} columns made of ${project.columns}`,
    lineage.length !== project.lineageEdges && `${lineage.length} lineage edges made of ${project.lineageEdges} depends_on edges`,
    owners.size !== project.owners && `${owners.size} owners made of ${project.owners}`,
    dashboards.length !== 0 && `${dashboards.length} dashboards made of no exposures`,
  ].filter((problem): problem is string => typeof problem === 'string');
  writeFileSync(file, JSON.stringify(result.catalog));

  started = performance.now();
  const read = readCatalogFile(file);
  const fileSeconds = seconds(started);
  if (read.tables?.length !== tables.length) problems.push(`the catalog file read back has ${read.tables?.length} tables`);
  return { dbtSeconds, fileSeconds, fileBytes: statSync(file).size, warnings: result.warnings, problems };
}

interface ImportFigures {
  seconds: number;
  code: number | null;
  /** The ingest process's peak resident memory, MiB. */
  peakMiB: number;
  /** Metadata's peak resident memory over its life (start, then this import), MiB. */
  metadataPeakMiB: number;
  /** The ingest command's last line on stdout (its summary). */
  summary: string;
  output: string;
  problems: string[];
}

/** Runs the ingest command (`args` as after `npm run ingest --`) to its end, as a child, timing it. */
function runIngest(args: string[], env: Record<string, string>, work: string, label: string) {
  const rssFile = join(work, `${label}.maxrss`);
  const preload = join(work, `${label}.preload.cjs`);
  // ru_maxrss (KiB on Linux) of the process itself, written as it exits: nothing in the command is changed.
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv['TOKEN'];
  return new Promise<{ seconds: number; code: number | null; peakMiB: number; stdout: string; output: string }>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', preload, INGEST_SCRIPT, ...args], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const elapsed = seconds(started);
      const peak = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : 0;
      resolve({ seconds: elapsed, code, peakMiB: peak, stdout, output });
    });
  });
}

interface Services {
  issuer: string;
  work: string;
  project: DbtProject;
}

/** (b): a fresh metadata, the ingest command on `args`, then a look at the sample table. */
async function importInto(services: Services, args: string[], label: string): Promise<ImportFigures> {
  const { issuer, work, project } = services;
  const dataDir = join(work, `data-${label}`);
  mkdirSync(dataDir);
  const metadata: NodeProcess = await startNode(join(root, 'dist/apps/metadata/main.js'), {
    env: { AUTH_ISSUERS: issuer, OKTA_ORG_URL: new URL(issuer).origin, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    outputTail: 20_000,
    timeoutMs: 60_000,
  });
  try {
    const run = await runIngest(args, { METADATA_URL: metadata.url, OIDC_ISSUER: issuer }, work, label);
    const metadataPeakMiB = peakMiB(metadata.process.pid);
    const problems: string[] = [];
    if (run.code !== 0) problems.push(`npm run ingest -- ${args.join(' ')} exited with ${run.code}:\n${run.output}`);
    else problems.push(...(await checkSample(metadata.url, issuer, project)));
    return {
      seconds: run.seconds,
      code: run.code,
      peakMiB: run.peakMiB,
      metadataPeakMiB,
      summary: run.stdout.trim().split('\n').pop() ?? '',
      output: run.output,
      problems,
    };
  } finally {
    await metadata.stop();
  }
}

/** The sample table as metadata serves it: its columns, owners and upstream tables. */
async function checkSample(url: string, issuer: string, project: DbtProject): Promise<string[]> {
  const token = await clientCredentialsToken(issuer, 'fram-scripts', 'fram-scripts-dev-secret', 'read:data')();
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown[]>>;
  };
  const { key } = project.sample;
  const table = await get(`/table/${key}`);
  const lineage = await get(`/table/${key}/lineage?direction=upstream&depth=1`);
  const found = { columns: table['columns'].length, owners: table['owners'].length, upstreams: lineage['upstream_entities'].length };
  const expected = project.sample;
  return (['columns', 'owners', 'upstreams'] as const)
    .filter((what) => found[what] !== expected[what])
    .map((what) => `${key}: ${found[what]} ${what} in metadata, ${expected[what]} in the manifest`);
}

/** The rounds of one import as one figure: the median time, the highest peaks, every problem. */
function overRounds(runs: ImportFigures[]): ImportFigures {
  return {
    seconds: median(runs.map((run) => run.seconds)),
    code: runs.find((run) => run.code !== 0)?.code ?? 0,
    peakMiB: Math.max(...runs.map((run) => run.peakMiB)),
    metadataPeakMiB: Math.max(...runs.map((run) => run.metadataPeakMiB)),
    summary: runs[runs.length - 1].summary,
    output: runs[runs.length - 1].output,
    problems: runs.flatMap((run) => run.problems),
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const models = option('models', quick ? 500 : 10_000);
  const columns = option('columns', quick ? 10_000 : 200_000);
  const seed = option('seed', 16);
  const rounds = option('rounds', quick ? 1 : 3);
  const work = mkdtempSync(join(tmpdir(), 'fram-bench-ingest-'));
  const target = join(work, 'target');
  mkdirSync(target);
  const servers: NodeProcess[] = [];
  try {
    const started = performance.now();
    const project = writeDbtProject(target, { models, columns, seed });
    const generatedSeconds = seconds(started);

    const file = join(work, 'fram-catalog.json');
    const conversion = convert(target, file, project, rounds);

    execSync('npx nx run-many -t build -p metadata dev-idp', {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    const idpPort = await freePort();
    const idpOrigin = `http://127.0.0.1:${idpPort}`;
    servers.push(
      await startNode(join(root, 'dist/apps/dev-idp/main.js'), { port: idpPort, env: { DEV_IDP_ORIGIN: idpOrigin, LOG_LEVEL: 'warn' } }),
    );
    const services = { issuer: `${idpOrigin}/oauth2/default`, work, project };
    const fileRuns: ImportFigures[] = [];
    const dbtRuns: ImportFigures[] = [];
    for (let round = 1; round <= rounds; round++) {
      fileRuns.push(await importInto(services, [file], `file-${round}`));
      dbtRuns.push(await importInto(services, ['dbt', target], `dbt-${round}`));
    }
    const fromFile = overRounds(fileRuns);
    const fromDbt = overRounds(dbtRuns);

    const row = (label: string, file: string, dbt: string) => console.log(`${label.padEnd(44)}${file.padStart(18)}${dbt.padStart(18)}`);
    console.log(
      `\nbench/ingest — Node ${process.version}, ${cpus().length} cores, metadata on the embedded store (SQLite); ` +
        `${rounds} round${rounds === 1 ? '' : 's'}: times are medians, peaks the highest\n`,
    );
    console.log(
      `dbt target (seed ${seed}): ${thousands(models)} models, ${thousands(columns)} columns (${thousands(project.documentedColumns)} documented ` +
        `in the manifest), ${thousands(project.lineageEdges)} depends_on edges, ${thousands(project.owners)} owners; manifest.json ` +
        `${mib(project.manifestBytes).toFixed(1)} MiB, catalog.json ${mib(project.catalogBytes).toFixed(1)} MiB (written in ${generatedSeconds.toFixed(1)} s)`,
    );
    console.log(
      `Fram catalog file of the same records: ${mib(conversion.fileBytes).toFixed(1)} MiB; conversion warnings: ${conversion.warnings.length}\n`,
    );
    row('', 'Fram catalog file', 'dbt target dir');
    row('', '(baseline)', '');
    row('(a) read / convert, in process', `${conversion.fileSeconds.toFixed(1)} s`, `${conversion.dbtSeconds.toFixed(1)} s`);
    row('(b) npm run ingest, end to end', `${fromFile.seconds.toFixed(1)} s`, `${fromDbt.seconds.toFixed(1)} s`);
    row('    peak resident memory of the ingest', `${fromFile.peakMiB.toFixed(0)} MiB`, `${fromDbt.peakMiB.toFixed(0)} MiB`);
    row('    peak resident memory of metadata', `${fromFile.metadataPeakMiB.toFixed(0)} MiB`, `${fromDbt.metadataPeakMiB.toFixed(0)} MiB`);
    console.log(`\nThe ingest command said: (file) ${fromFile.summary}\n                         (dbt)  ${fromDbt.summary}`);
    const { sample } = project;
    console.log(
      `Looked up after each import: ${sample.key} (${sample.columns} columns, ${sample.owners} owner${sample.owners === 1 ? '' : 's'}, ` +
        `${sample.upstreams} upstream table${sample.upstreams === 1 ? '' : 's'}): ${[...fromFile.problems, ...fromDbt.problems].length === 0 ? 'as generated' : 'NOT as generated'}`,
    );
    console.log(
      `\nBudget for the dbt import (issue 16): under ${BUDGET.seconds} s: ${fromDbt.seconds < BUDGET.seconds ? 'met' : 'NOT met'}; ` +
        `under 1 GiB (the ingest's peak): ${fromDbt.peakMiB < BUDGET.mib ? 'met' : 'NOT met'}`,
    );

    const problems = [...conversion.problems, ...fromFile.problems, ...fromDbt.problems];
    if (conversion.warnings.length > 0) problems.push(`conversion warnings, e.g. ${conversion.warnings.slice(0, 3).join('; ')}`);
    if (problems.length > 0) {
      console.error(`\nProblems (not timings):\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (process.argv.includes('--keep')) console.log(`\nKept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
