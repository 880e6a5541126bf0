import { Writable } from 'node:stream';
import { ConfigError } from '@fram/config';
import { createServiceLogger } from './service-logger';

/** A destination that keeps the JSON lines written to it. */
function memory() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('the service logger', () => {
  it('redacts tokens, cookies and Authorization headers wherever a log call puts them', () => {
    const { lines, stream } = memory();
    const logger = createServiceLogger('test', { logLevel: 'log', logFormat: 'json' }, stream);
    logger.info(
      {
        headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'fram.sid=s3cret' },
        token: 'tok-s3cret',
        access_token: 'at-s3cret',
        refresh_token: 'rt-s3cret',
        id_token: 'it-s3cret',
      },
      'one',
    );
    logger.info(
      {
        request: { headers: { authorization: 'Bearer eyJ.secret.sig' }, query: { code: 'c0de', state: 'st4te' } },
        body: { password: 'pw-s3cret', client_secret: 'cs-s3cret' },
      },
      'two',
    );
    const text = JSON.stringify(lines);
    for (const secret of ['eyJ.secret.sig', 's3cret', 'c0de', 'st4te']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      level: 'info',
      name: 'test',
      msg: 'one',
      headers: { authorization: '[redacted]' },
      token: '[redacted]',
    });
  });

  it("logs at LOG_LEVEL and above, Nest's levels mapped to pino's", () => {
    const { lines, stream } = memory();
    const logger = createServiceLogger('test', { logLevel: 'warn', logFormat: 'json' }, stream);
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((l) => l['msg'])).toEqual(['shown']);
  });

  it('keeps a ConfigError to its message: no stack that only repeats it', () => {
    const { lines, stream } = memory();
    createServiceLogger('test', { logLevel: 'log', logFormat: 'json' }, stream).error({ err: new ConfigError(['PORT: must be a number']) });
    expect(lines[0]).toMatchObject({ msg: 'Invalid configuration:\n  - PORT: must be a number', err: { type: 'ConfigError' } });
    expect(lines[0]['err']).not.toHaveProperty('stack');
  });
});
