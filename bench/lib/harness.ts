import autocannon from 'autocannon';

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

/** One way of doing the same work: a URL and how to ask it. */
export interface TimedPath {
  url: string;
  init: () => RequestInit;
}

/**
 * Sends requests one at a time (no queueing), alternating between the paths
 * request by request so that both see the same machine state (JIT, GC, CPU
 * frequency), for `seconds`; each request is timed with a microsecond clock.
 * For comparing two paths to the same work, where a millisecond matters.
 */
export async function timeAlternating(paths: readonly TimedPath[], seconds: number): Promise<LatencyFigures[]> {
  const latencies = paths.map(() => [] as number[]);
  const failures = paths.map(() => 0);
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (const [i, path] of paths.entries()) {
      const started = performance.now();
      const response = await fetch(path.url, path.init());
      await response.arrayBuffer();
      latencies[i].push(performance.now() - started);
      if (!response.ok) failures[i]++;
    }
  }
  return latencies.map((times, i) => {
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return {
      requests: times.length,
      p50: at(0.5),
      p99: at(0.99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      failures: failures[i],
    };
  });
}
