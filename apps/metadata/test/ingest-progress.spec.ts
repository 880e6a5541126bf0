import { progressReporter } from '../src/cli/ingest-progress';

/** The ingest command's progress: a bar on a terminal, plain lines in a log. */
describe('progressReporter', () => {
  const capture = (isTTY: boolean) => {
    const written: string[] = [];
    let now = 0;
    const report = progressReporter({ isTTY, write: (text: string) => written.push(text) }, () => now);
    return { written, report, advance: (ms: number) => (now += ms) };
  };

  it('redraws one bar with the counts and the rate on a terminal, ending the line when a kind is done', () => {
    const { written, report, advance } = capture(true);
    report('tables', 0, 2000);
    advance(1000);
    report('tables', 1000, 2000);
    advance(1000);
    report('tables', 2000, 2000);
    expect(written).toEqual([
      `\rtables          ${'.'.repeat(30)} 0/2,000 0/s`,
      `\rtables          ${'#'.repeat(15)}${'.'.repeat(15)} 1,000/2,000 1,000/s`,
      `\rtables          ${'#'.repeat(30)} 2,000/2,000 1,000/s\n`,
    ]);
  });

  it('writes plain lines without a terminal: one at each tenth, one when done', () => {
    const { written, report, advance } = capture(false);
    for (let done = 500; done <= 10_000; done += 500) {
      advance(100);
      report('lineage', done, 10_000);
    }
    expect(written).toHaveLength(10);
    expect(written[0]).toBe('lineage: 1,000/10,000 (10%), 5,000/s\n');
    expect(written[9]).toBe('lineage: 10,000/10,000 (100%), 5,000/s, done\n');
    expect(written.join('')).not.toContain('\r');
  });

  it('reports a small kind in one batch as one line', () => {
    const { written, report } = capture(false);
    report('users', 15, 15);
    expect(written).toEqual(['users: 15/15 (100%), 15,000/s, done\n']);
  });
});
