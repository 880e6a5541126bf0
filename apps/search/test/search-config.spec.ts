import { loadSearchConfig } from '../src/config/search-config';

describe('search configuration', () => {
  it('defaults to the embedded index under DATA_DIR', () => {
    expect(loadSearchConfig({ DATA_DIR: '/var/fram' }).backend).toEqual({ kind: 'embedded', file: '/var/fram/search.sqlite' });
  });

  it("reads Elasticsearch's URL, credentials and Amundsen's alias template", () => {
    expect(
      loadSearchConfig({ SEARCH_BACKEND: 'elasticsearch', ELASTICSEARCH_URL: 'http://es:9200', ELASTICSEARCH_API_KEY: 'k' }).backend,
    ).toEqual({
      kind: 'elasticsearch',
      url: 'http://es:9200',
      apiKey: 'k',
      username: undefined,
      password: undefined,
      aliasTemplate: '{resource}_search_index_v2_1',
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => loadSearchConfig({ SEARCH_BACKEND: 'elasticsearch' })).toThrow(
      'ELASTICSEARCH_URL: SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL',
    );
    expect(() => loadSearchConfig({ SEARCH_BACKEND: 'solr' })).toThrow('SEARCH_BACKEND: must be embedded or elasticsearch (got "solr")');
    expect(() => loadSearchConfig({ ES_INDEX_ALIAS_TEMPLATE: 'tables' })).toThrow('ES_INDEX_ALIAS_TEMPLATE: must contain {resource}');
  });
});
