import autocannon = require('autocannon');

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Drives `url` for `seconds` with `connections` keep-alive connections. */
export async function load(url: string, seconds: number, headers: Record<string, string> = {}, connections = 32): Promise<LoadFigures> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function parseArgs(argv: string[]): { seconds: number; rounds: number } {
  const quick = argv.includes('--quick');
  const seconds = Number(argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? (quick ? 2 : 10));
  const rounds = Number(argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? (quick ? 1 : 3));
  return { seconds, rounds };
}
