/**
 * TRANSCRIBED FACTS (a fixture, not Fram's code): the index bodies Amundsen's databuilder creates for its
 * v2.1 search indices, one per resource type, exactly as its SearchMetadatatoElasticasearchTask sends them
 * to Elasticsearch (`Index(name).document(<mapping>)`, `.settings(max_shingle_diff=10)`, `.create()`).
 *
 * Source: amundsen-io/amundsen at commit 2a6ba5803e4849e570bf8106b45495cb02c28483,
 *   databuilder/databuilder/task/search/document_mappings.py (the Document classes Table, Dashboard,
 *   Feature, User and their analyzers) and
 *   databuilder/databuilder/task/search/search_metadata_to_elasticsearch_task.py (how the index is made).
 * Rendered with elasticsearch-dsl 7.4.0 (the version databuilder pins in its setup.py): `Index.to_dict()`
 * of each mapping class, the body its `create()` sends. Keys are sorted; `required` and `multi` are
 * elasticsearch-dsl's own checks and are not part of the body.
 *
 * Facts worth knowing when reading it: every text field keeps term vectors with positions and offsets
 * (`term_vector: with_positions_offsets`, which the fvh highlighter Amundsen's search service uses
 * needs); each ngram subfield has its own shingle filter and analyzer (`*_table_name`: up to 8 words
 * joined by `_`, `*_table_columns`: up to 5 joined by `_`, `*_resource_name`: up to 8 joined by a
 * space, `*_dashboard_chart` / `*_dashboard_query`: up to 5 joined by a space), without lowercasing;
 * the alphanum tokenizer splits on each non-alphanumeric character (`[^a-zA-Z0-9]`); `alphanum_analyzer`
 * stems as `english_analyzer` does; `max_shingle_diff` is set at the top of the settings; the date has
 * no format; and fields the documents carry that are not listed here (a dashboard's product, cluster,
 * uri and url, a person's team) are mapped by Elasticsearch's dynamic mapping.
 */
export const DATABUILDER_V21_INDEX_BODIES = {
  dashboard: {
    mappings: {
      _meta: {
        version: 2,
      },
      properties: {
        badges: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        chart_names: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_dashboard_chart',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        description: {
          analyzer: 'english_analyzer',
          fields: {
            alphanumeric: {
              analyzer: 'alphanum_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        group_description: {
          analyzer: 'english_analyzer',
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        group_name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        key: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        last_updated_timestamp: {
          type: 'date',
        },
        name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_resource_name',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        query_names: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_dashboard_query',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        resource_type: {
          type: 'keyword',
        },
        tags: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        usage: {
          type: 'rank_features',
        },
      },
    },
    settings: {
      analysis: {
        analyzer: {
          alphanum_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          english_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'standard_tokenizer',
            type: 'custom',
          },
          general_analyzer: {
            filter: ['lowercase'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_dashboard_chart: {
            filter: ['shingle_filter_dashboard_chart'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_dashboard_query: {
            filter: ['shingle_filter_dashboard_query'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_resource_name: {
            filter: ['shingle_filter_resource_name'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          stemming_analyzer: {
            filter: ['lowercase', 'kstem'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
        },
        filter: {
          english_possessive_stemmer: {
            language: 'possessive_english',
            type: 'stemmer',
          },
          english_stemmer: {
            language: 'english',
            type: 'stemmer',
          },
          english_stop: {
            stopwords: '_english_',
            type: 'stop',
          },
          shingle_filter_dashboard_chart: {
            max_shingle_size: 5,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: ' ',
            type: 'shingle',
          },
          shingle_filter_dashboard_query: {
            max_shingle_size: 5,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: ' ',
            type: 'shingle',
          },
          shingle_filter_resource_name: {
            max_shingle_size: 8,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: ' ',
            type: 'shingle',
          },
        },
        tokenizer: {
          alphanum_tokenizer: {
            pattern: '[^a-zA-Z0-9]',
            type: 'pattern',
          },
          standard_tokenizer: {
            type: 'standard',
          },
        },
      },
      max_shingle_diff: 10,
    },
  },
  feature: {
    mappings: {
      _meta: {
        version: 2,
      },
      properties: {
        availability: {
          type: 'keyword',
        },
        badges: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        description: {
          analyzer: 'english_analyzer',
          fields: {
            alphanumeric: {
              analyzer: 'alphanum_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        entity: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        feature_group: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        key: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        last_updated_timestamp: {
          type: 'date',
        },
        name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_resource_name',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        resource_type: {
          type: 'keyword',
        },
        status: {
          type: 'keyword',
        },
        tags: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        usage: {
          type: 'rank_features',
        },
        version: {
          type: 'keyword',
        },
      },
    },
    settings: {
      analysis: {
        analyzer: {
          alphanum_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          english_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'standard_tokenizer',
            type: 'custom',
          },
          general_analyzer: {
            filter: ['lowercase'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_resource_name: {
            filter: ['shingle_filter_resource_name'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          stemming_analyzer: {
            filter: ['lowercase', 'kstem'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
        },
        filter: {
          english_possessive_stemmer: {
            language: 'possessive_english',
            type: 'stemmer',
          },
          english_stemmer: {
            language: 'english',
            type: 'stemmer',
          },
          english_stop: {
            stopwords: '_english_',
            type: 'stop',
          },
          shingle_filter_resource_name: {
            max_shingle_size: 8,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: ' ',
            type: 'shingle',
          },
        },
        tokenizer: {
          alphanum_tokenizer: {
            pattern: '[^a-zA-Z0-9]',
            type: 'pattern',
          },
          standard_tokenizer: {
            type: 'standard',
          },
        },
      },
      max_shingle_diff: 10,
    },
  },
  table: {
    mappings: {
      _meta: {
        version: 2,
      },
      properties: {
        badges: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        cluster: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        column_descriptions: {
          analyzer: 'english_analyzer',
          fields: {
            alphanumeric: {
              analyzer: 'alphanum_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        columns: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_table_columns',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        database: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        description: {
          analyzer: 'english_analyzer',
          fields: {
            alphanumeric: {
              analyzer: 'alphanum_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        display_name: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        key: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        last_updated_timestamp: {
          type: 'date',
        },
        name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_table_name',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        resource_type: {
          type: 'keyword',
        },
        schema: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        tags: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        usage: {
          type: 'rank_features',
        },
      },
    },
    settings: {
      analysis: {
        analyzer: {
          alphanum_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          english_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'standard_tokenizer',
            type: 'custom',
          },
          general_analyzer: {
            filter: ['lowercase'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_table_columns: {
            filter: ['shingle_filter_table_columns'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_table_name: {
            filter: ['shingle_filter_table_name'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          stemming_analyzer: {
            filter: ['lowercase', 'kstem'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
        },
        filter: {
          english_possessive_stemmer: {
            language: 'possessive_english',
            type: 'stemmer',
          },
          english_stemmer: {
            language: 'english',
            type: 'stemmer',
          },
          english_stop: {
            stopwords: '_english_',
            type: 'stop',
          },
          shingle_filter_table_columns: {
            max_shingle_size: 5,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: '_',
            type: 'shingle',
          },
          shingle_filter_table_name: {
            max_shingle_size: 8,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: '_',
            type: 'shingle',
          },
        },
        tokenizer: {
          alphanum_tokenizer: {
            pattern: '[^a-zA-Z0-9]',
            type: 'pattern',
          },
          standard_tokenizer: {
            type: 'standard',
          },
        },
      },
      max_shingle_diff: 10,
    },
  },
  user: {
    mappings: {
      _meta: {
        version: 2,
      },
      properties: {
        badges: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        description: {
          analyzer: 'english_analyzer',
          fields: {
            alphanumeric: {
              analyzer: 'alphanum_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        first_name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        key: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        last_name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        last_updated_timestamp: {
          type: 'date',
        },
        name: {
          analyzer: 'stemming_analyzer',
          fields: {
            general: {
              analyzer: 'general_analyzer',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
            keyword: {
              type: 'keyword',
            },
            ngram: {
              analyzer: 'ngram_analyzer_resource_name',
              term_vector: 'with_positions_offsets',
              type: 'text',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        resource_type: {
          type: 'keyword',
        },
        tags: {
          analyzer: 'general_analyzer',
          fields: {
            keyword: {
              type: 'keyword',
            },
          },
          term_vector: 'with_positions_offsets',
          type: 'text',
        },
        usage: {
          type: 'rank_features',
        },
      },
    },
    settings: {
      analysis: {
        analyzer: {
          alphanum_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          english_analyzer: {
            filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
            tokenizer: 'standard_tokenizer',
            type: 'custom',
          },
          general_analyzer: {
            filter: ['lowercase'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          ngram_analyzer_resource_name: {
            filter: ['shingle_filter_resource_name'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
          stemming_analyzer: {
            filter: ['lowercase', 'kstem'],
            tokenizer: 'alphanum_tokenizer',
            type: 'custom',
          },
        },
        filter: {
          english_possessive_stemmer: {
            language: 'possessive_english',
            type: 'stemmer',
          },
          english_stemmer: {
            language: 'english',
            type: 'stemmer',
          },
          english_stop: {
            stopwords: '_english_',
            type: 'stop',
          },
          shingle_filter_resource_name: {
            max_shingle_size: 8,
            min_shingle_size: 2,
            output_unigrams: true,
            token_separator: ' ',
            type: 'shingle',
          },
        },
        tokenizer: {
          alphanum_tokenizer: {
            pattern: '[^a-zA-Z0-9]',
            type: 'pattern',
          },
          standard_tokenizer: {
            type: 'standard',
          },
        },
      },
      max_shingle_diff: 10,
    },
  },
} as const;
