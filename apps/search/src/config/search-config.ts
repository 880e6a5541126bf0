import { join, resolve } from 'node:path';
import { z } from 'zod';
import { env, EnvReader, type Env } from '@fram/config';

export interface SearchConfig {
  backend: { kind: 'embedded'; file: string };
}

export function loadSearchConfig(source: Env = process.env): SearchConfig {
  const reader = new EnvReader(source);
  reader.read({
    name: 'SEARCH_BACKEND',
    schema: z
      .enum(['embedded', 'elasticsearch'], { error: 'must be embedded or elasticsearch' })
      .optional()
      .refine((v) => v !== 'elasticsearch', 'elasticsearch is not available in this build yet; use embedded (the default)'),
  });
  const dataDir = reader.read({ name: 'DATA_DIR', schema: env.text('./.data') });
  reader.done();
  return { backend: { kind: 'embedded', file: join(resolve(dataDir), 'search.sqlite') } };
}
