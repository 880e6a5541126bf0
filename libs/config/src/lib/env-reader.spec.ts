import { z } from 'zod';
import { ConfigError } from './config-error';
import { commaList, EnvReader } from './env-reader';
import { env } from './env-schemas';

describe('EnvReader', () => {
  it('treats blank values as unset and trims values', () => {
    const reader = new EnvReader({ A: '  ', B: ' x ' });
    expect(reader.read({ name: 'A', schema: env.text('default') })).toBe('default');
    expect(reader.read({ name: 'B', schema: env.text('default') })).toBe('x');
  });

  it('falls back to aliases in order and converts them', () => {
    const reader = new EnvReader({ OLD: 'value', OLDER: 'other' });
    const variable = {
      name: 'NEW',
      schema: z.string(),
      aliases: [{ name: 'OLD', convert: (v: string) => v.toUpperCase() }, { name: 'OLDER' }],
    };
    expect(reader.read(variable)).toBe('VALUE');
  });

  it('collects every problem and throws them together', () => {
    const reader = new EnvReader({ PORT: '99999', COUNT: 'x' });
    reader.read({ name: 'PORT', schema: env.port(80) });
    reader.read({ name: 'COUNT', schema: env.integer(1, 0, 10) });
    reader.problem('SOMETHING: must be set');
    expect(() => reader.done()).toThrow(ConfigError);
    try {
      reader.done();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT: must be a whole number from 0 to 65535 (got "99999")',
        'COUNT: must be a whole number from 0 to 10 (got "x")',
        'SOMETHING: must be set',
      ]);
      expect((error as ConfigError).message).toContain('  - PORT: must be a whole number');
    }
  });

  it('says when a required variable is not set', () => {
    const reader = new EnvReader({});
    reader.read({ name: 'REQUIRED', schema: z.string({ error: 'must be set to the service URL' }) });
    expect(() => reader.done()).toThrow('REQUIRED: must be set to the service URL (it is not set)');
  });

  it('splits comma lists', () => {
    expect(commaList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(new EnvReader({ L: ' ' }).read({ name: 'L', schema: env.list(['d']) })).toEqual(['d']);
  });
});
