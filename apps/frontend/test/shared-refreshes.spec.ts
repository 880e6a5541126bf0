import { createClient } from 'redis';
import { startRedisServer, type RedisServer } from '@fram/testing';
import { RedisSharedRefreshes } from '../src/session/shared-refreshes';

/** The refresh lock in a real Redis: only its owner releases it. */
describe('RedisSharedRefreshes (real redis-server)', () => {
  let redis: RedisServer;
  let client: ReturnType<typeof createClient>;
  let refreshes: RedisSharedRefreshes;

  beforeAll(async () => {
    redis = await startRedisServer();
    client = createClient({ url: redis.url });
    await client.connect();
    refreshes = new RedisSharedRefreshes(client);
  });
  afterAll(async () => {
    await client?.quit();
    await redis?.stop();
  });

  const lockKey = (key: string) => `fram:refresh:${key}:lock`;

  it('gives the lock to one frontend at a time, and its owner releases it', async () => {
    const first = await refreshes.lock('k1');
    expect(first).toEqual(expect.any(String));
    expect(await refreshes.lock('k1')).toBeUndefined();
    await refreshes.unlock('k1', first!);
    expect(await client.get(lockKey('k1'))).toBeNull();
    expect(await refreshes.lock('k1')).toEqual(expect.any(String));
  });

  it('does not release a lock that expired and was taken by another frontend (compare-and-delete)', async () => {
    const slow = await refreshes.lock('k2');
    expect(slow).toBeDefined();
    await client.pExpire(lockKey('k2'), 0); // the slow frontend's lock time runs out
    const other = await refreshes.lock('k2');
    expect(other).toBeDefined();
    expect(other).not.toBe(slow);
    await refreshes.unlock('k2', slow!); // the slow frontend finishes late
    expect(await client.get(lockKey('k2'))).toBe(other);
    expect(await refreshes.lock('k2')).toBeUndefined(); // still held by the other frontend
    await refreshes.unlock('k2', other!);
    expect(await client.get(lockKey('k2'))).toBeNull();
  });
});
