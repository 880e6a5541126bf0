import { join, resolve } from 'node:path';
import { z } from 'zod';
import { env, EnvReader, isHttpUrl, type Env } from '@fram/config';

export type SearchBackendConfig =
  | { kind: 'embedded'; file: string }
  | { kind: 'elasticsearch'; url: string; username?: string; password?: string; apiKey?: string; aliasTemplate: string };

export interface SearchConfig {
  backend: SearchBackendConfig;
}

export function loadSearchConfig(source: Env = process.env): SearchConfig {
  const reader = new EnvReader(source);
  const kind = reader.read({
    name: 'SEARCH_BACKEND',
    schema: z
      .enum(['embedded', 'elasticsearch'], { error: 'must be embedded or elasticsearch' })
      .optional()
      .transform((v) => v ?? 'embedded'),
  });
  const dataDir = reader.read({ name: 'DATA_DIR', schema: env.text('./.data') });
  const url = reader.read({
    name: 'ELASTICSEARCH_URL',
    schema: z
      .string()
      .optional()
      .refine((v) => v === undefined || isHttpUrl(v), 'must be the Elasticsearch URL, e.g. http://elasticsearch:9200'),
  });
  const username = reader.read({ name: 'ELASTICSEARCH_USERNAME', schema: z.string().optional() });
  const password = reader.read({ name: 'ELASTICSEARCH_PASSWORD', schema: z.string().optional() });
  const apiKey = reader.read({ name: 'ELASTICSEARCH_API_KEY', schema: z.string().optional() });
  const aliasTemplate = reader.read({
    name: 'ES_INDEX_ALIAS_TEMPLATE',
    schema: env
      .text('{resource}_search_index_v2_1')
      .refine((v) => v.includes('{resource}'), 'must contain {resource}, e.g. {resource}_search_index_v2_1'),
  });
  if (kind === 'elasticsearch' && url === undefined)
    reader.problem('ELASTICSEARCH_URL: SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL, e.g. http://elasticsearch:9200');
  reader.done();
  return {
    backend:
      kind === 'elasticsearch'
        ? { kind, url: url!, username, password, apiKey, aliasTemplate }
        : { kind: 'embedded', file: join(resolve(dataDir), 'search.sqlite') },
  };
}
