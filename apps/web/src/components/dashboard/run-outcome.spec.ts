import { runOutcome } from './run-outcome';

describe('runOutcome: how a dashboard run went, from its state', () => {
  it.each([
    ['success', 'ok'],
    ['succeeded', 'ok'],
    ['Successful', 'ok'],
    ['passed', 'ok'],
    ['OK', 'ok'],
    ['complete', 'ok'],
    ['completed', 'ok'],
    ['failed', 'failed'],
    ['failure', 'failed'],
    ['error', 'failed'],
    ['broken', 'failed'],
    ['incomplete', 'failed'],
    ['not ok', 'failed'],
    ['not_completed', 'failed'],
    ['unsuccessful', 'failed'],
    ['running', 'other'],
    ['queued', 'other'],
    ['token', 'other'],
    ['bypass', 'other'],
  ] as const)('%s is %s', (state, outcome) => {
    expect(runOutcome(state)).toBe(outcome);
  });
});
