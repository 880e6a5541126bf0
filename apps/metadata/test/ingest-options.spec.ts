import { tableKey } from '@fram/models';
import { dryRunText, removedText } from '../src/cli/ingest-report';
import { DEFAULT_MAX_REMOVAL, ingestCommand, UsageError } from '../src/cli/ingest-sources';

/** The ingest command's options every source takes, parsed once; and what it prints of a run's removals. */
describe('ingestCommand', () => {
  const options = (argv: string[]) => {
    const command = ingestCommand(argv, {});
    if ('help' in command) throw new Error('help');
    return command.options;
  };
  const refused = (argv: string[]) => {
    try {
      ingestCommand(argv, {});
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
    throw new Error(`accepted ${argv.join(' ')}`);
  };

  it('parses the common options the same for every source, with their defaults', () => {
    const defaults = { dryRun: false, source: undefined, keepMissing: false, maxRemoval: DEFAULT_MAX_REMOVAL };
    expect(options(['catalog.json'])).toEqual(defaults);
    expect(options(['dbt', 'target', '--keep-case'])).toEqual(defaults);
    expect(options(['postgres', 'postgresql://h/db', '--cluster', 'eu'])).toEqual(defaults);
    const given = ['--dry-run', '--source', 'warehouse', '--keep-missing', '--max-removal', '10'];
    const expected = { dryRun: true, source: 'warehouse', keepMissing: true, maxRemoval: 10 };
    for (const argv of [
      ['catalog.json'],
      ['dbt', 'target'],
      ['databuilder', 'out'],
      ['postgres', 'postgresql://h/db'],
      ['mysql', 'mysql://h'],
    ])
      expect(options([...argv, ...given])).toEqual(expected);
    expect(options(['mysql', 'mysql://h', '--max-removal', '100%']).maxRemoval).toBe(100);
  });

  it('refuses a source name or a removal limit it cannot use, showing the source usage', () => {
    expect(refused(['dbt', 'target', '--source', 'two\nlines'])).toMatch(
      /^--source: must be one line without control characters\n\nusage: npm run ingest -- dbt/,
    );
    expect(refused(['dbt', 'target', '--source', ''])).toMatch(/^--source: /);
    for (const limit of ['101', '-1', 'half', ''])
      expect(refused(['databuilder', 'out', `--max-removal=${limit}`])).toMatch(
        /^--max-removal: .* is not a percentage from 0 to 100\n\nusage: npm run ingest -- databuilder/,
      );
    expect(refused(['catalog.json', '--keep-missing=yes'])).toMatch(/--keep-missing/);
  });

  it("documents the common options in each source's help", () => {
    for (const source of ['dbt', 'databuilder', 'postgres', 'mysql', 'catalog.json']) {
      const command = ingestCommand([source, '--help'], {});
      if (!('help' in command)) throw new Error('no help');
      for (const option of ['--source NAME', '--keep-missing', '--max-removal PERCENT', '--dry-run', 'Re-runs are safe'])
        expect(command.help).toContain(option);
    }
  });
});

describe('what the ingest command prints of removals', () => {
  const none = { table: 0, dashboard: 0, feature: 0, lineage: 0, column_lineage: 0, feature_lineage: 0 };
  const key = (name: string) => tableKey({ database: 'pg', cluster: 'db', schema: 'public', name });

  it('says what finishing a run removed, and what it kept as other sources send it', () => {
    expect(removedText({ removed: { ...none, table: 2, lineage: 3 }, released: none }, 'dbt:shop')).toBe(
      'removed 2 tables and 3 lineage edges no longer in dbt:shop',
    );
    expect(removedText({ removed: { ...none, table: 1, column_lineage: 1 }, released: none }, 's')).toBe(
      'removed 1 table and 1 column lineage edge no longer in s',
    );
    expect(removedText({ removed: none, released: none }, 'dbt:shop')).toBe('removed nothing: everything dbt:shop held is still in it');
    expect(removedText({ removed: { ...none, table: 1 }, released: { ...none, table: 2 } }, 's')).toBe(
      'removed 1 table no longer in s; 2 tables no longer in s stay, as other sources send them',
    );
    expect(removedText({ removed: none, released: { ...none, lineage: 1 } }, 's')).toBe(
      'removed nothing; 1 lineage edge no longer in s stays, as another source sends it',
    );
  });

  it('lists a dry run per kind, edges as upstream -> downstream, and the first 20 keys of each list', () => {
    const many = Array.from({ length: 23 }, (_, i) => key(`t${String(i).padStart(2, '0')}`));
    const text = dryRunText({
      source: 'dbt:shop',
      diffs: [
        { kind: 'table', add: many, change: [key('orders')], unchanged: 50, remove: [key('old')] },
        { kind: 'lineage', add: [], change: [], unchanged: 0, remove: [JSON.stringify([key('a'), key('b')])] },
      ],
      keepMissing: false,
      maxRemoval: 50,
      heldBack: [],
    });
    expect(text.split('\n')).toEqual([
      'Compared with what Fram holds of dbt:shop:',
      '  tables: would add 23, change 1, leave 50 unchanged, remove 1',
      ...many.slice(0, 20).map((k) => `    add    ${k}`),
      '    ... and 3 more to add',
      `    change ${key('orders')}`,
      `    remove ${key('old')}`,
      '  lineage edges: would add 0, change 0, leave 0 unchanged, remove 1',
      `    remove ${key('a')} -> ${key('b')}`,
      '',
    ]);
  });

  it('says when the run would remove nothing: over --max-removal, with --keep-missing, or records left out that were sent before', () => {
    const diffs = [{ kind: 'table' as const, add: [], change: [], unchanged: 1, remove: [key('a'), key('b')] }];
    const report = { source: 's', diffs, keepMissing: false, maxRemoval: 50, heldBack: [] };
    expect(dryRunText(report)).toContain(
      'The run would remove nothing and exit 1: removing 2 of the 3 records s holds (66.7%) is more than --max-removal 50%.',
    );
    expect(dryRunText({ ...report, maxRemoval: 70 })).not.toContain('would remove nothing');
    const kept = dryRunText({ ...report, keepMissing: true });
    expect(kept).toContain('  tables: would add 0, change 0, leave 1 unchanged, keep 2 no longer in the source');
    expect(kept).toContain('Nothing would be removed (--keep-missing).');
    expect(dryRunText({ ...report, heldBack: [{ kind: 'table', key: key('c') }] })).toContain(
      `Nothing would be removed: 1 record left out (see the warnings) was sent before by s (${key('c')})`,
    );
  });
});
