import { featureFromRow } from './neo4j-features';

const KEY = 'rides/trip_duration/2';

/**
 * A row of featuresByKeys as a graph databuilder published gives it: its CSV
 * publisher leaves numbers as text, a badge may lack its category, and what
 * the key holds (group, version) may be missing from the node. (No Neo4j
 * server runs here; the store contract covers the statements when NEO4J_URI is set.)
 */
const row = {
  key: KEY,
  feature: {
    key: KEY,
    name: 'trip_duration',
    version: 2,
    status: 'active',
    created_timestamp: '1600000000',
    last_updated_timestamp: '1700000000.0',
  },
  groups: [],
  descriptions: ['Minutes from pick-up to drop-off.'],
  programmatic_descriptions: [
    { source: 'quality', text: 'Checked.' },
    { source: null, text: 'No source: skipped.' },
  ],
  availability: ['redis', 'hive', 'redis'],
  watermarks: [{ key: `${KEY}/high_watermark`, watermark_type: 'high_watermark', time: 1_700_000_000 }],
  codes: [{ key: `${KEY}/_generation_code`, text: 'SELECT 1', source: 'github', last_executed_timestamp: '1700000100' }],
  tags: [{ tag_name: 'core', tag_type: 'default' }],
  badges: [
    { badge_name: 'certified', category: null },
    { badge_name: 'alpha', category: 'table_status' },
  ],
  owners: ['grace@example.com', 'ada@example.com', 'ada@example.com'],
  usage: '12',
};

describe('Neo4jMetadataStore reading a feature as databuilder wrote it', () => {
  it('reads numbers written as text as tables do, a missing badge category as "", the group and version from the key', () => {
    expect(featureFromRow(row)).toEqual({
      key: KEY,
      feature_group: 'rides',
      name: 'trip_duration',
      version: '2',
      status: 'active',
      entity: null,
      data_type: null,
      availability: ['hive', 'redis'],
      description: 'Minutes from pick-up to drop-off.',
      programmatic_descriptions: [{ source: 'quality', text: 'Checked.' }],
      watermarks: [{ key: `${KEY}/high_watermark`, watermark_type: 'high_watermark', time: '1700000000' }],
      generation_code: { key: `${KEY}/_generation_code`, text: 'SELECT 1', source: 'github', last_executed_timestamp: 1_700_000_100 },
      created_timestamp: 1_600_000_000,
      last_updated_timestamp: 1_700_000_000,
      tags: [{ tag_name: 'core', tag_type: 'default' }],
      badges: [
        { badge_name: 'alpha', category: 'table_status' },
        { badge_name: 'certified', category: '' },
      ],
      owners: ['ada@example.com', 'grace@example.com'],
      usage: 12,
    });
  });
});
