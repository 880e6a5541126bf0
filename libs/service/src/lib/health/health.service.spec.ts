import { HealthService } from './health.service';

describe('HealthService', () => {
  it('answers in time when a check never settles: that check fails, naming the deadline, the others are kept', async () => {
    const health = new HealthService(50);
    health.register('Hung:ping', () => new Promise(() => undefined));
    health.register('Fine:ping', async () => ({ status: 'ok' }));
    await expect(health.report()).resolves.toEqual({
      status: 'fail',
      checks: { 'Hung:ping': { status: 'fail', message: 'timed out after 50 ms' }, 'Fine:ping': { status: 'ok' } },
    });
  });

  it('keeps no timer once the checks have answered', async () => {
    jest.useFakeTimers();
    try {
      const health = new HealthService(50);
      health.register('Fine:ping', async () => ({ status: 'ok' }));
      health.register('Broken:ping', async () => {
        throw new Error('connection refused');
      });
      await expect(health.report()).resolves.toEqual({
        status: 'fail',
        checks: { 'Fine:ping': { status: 'ok' }, 'Broken:ping': { status: 'fail', message: 'connection refused' } },
      });
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits 2 s by default, within the 3 s HEALTHCHECK timeout of the images', () => {
    expect(new HealthService()['timeoutMs']).toBe(2000);
  });
});
