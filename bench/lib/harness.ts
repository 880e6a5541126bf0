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

export interface LatencyFigures {
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  failures: number;
}

/**
 * Sends requests one after another (one keep-alive connection, no queueing)
 * for `seconds`, and measures each with a microsecond clock: for comparing
 * two paths to the same work, where a millisecond matters.
 */
export async function timeSequential(url: string, init: () => RequestInit, seconds: number): Promise<LatencyFigures> {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const response = await fetch(url, init());
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (!response.ok) failures++;
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { requests: latencies.length, p50: at(0.5), p99: at(0.99), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length, failures };
}
