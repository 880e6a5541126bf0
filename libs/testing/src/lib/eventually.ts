/**
 * Probes every 100 ms until `ok` holds or `ms` have passed, and returns the
 * last value either way (the test's assertion on it says what was wrong).
 */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
