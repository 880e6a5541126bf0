import { featureKey, parseFeatureKey } from './feature';
import { ingestFeaturesSchema } from './feature-ingestion';

describe("feature keys (databuilder's {feature_group}/{name}/{version})", () => {
  it('parses and builds keys, spaces and dots included', () => {
    const parts = { feature_group: 'driver stats', name: 'acceptance rate', version: '1.2.0' };
    expect(featureKey(parts)).toBe('driver stats/acceptance rate/1.2.0');
    expect(parseFeatureKey('driver stats/acceptance rate/1.2.0')).toEqual(parts);
  });

  it('refuses what is not three non-empty parts', () => {
    for (const key of ['rides/trip_duration', 'rides/trip_duration/1/x', 'rides//1', '/trip_duration/1', 'rides/trip_duration/']) {
      expect(parseFeatureKey(key)).toBeUndefined();
    }
  });
});

describe('feature ingestion records', () => {
  const parse = (feature: Record<string, unknown>) => ingestFeaturesSchema.safeParse({ features: [feature] });

  it('takes the fields of databuilder, a watermark time as epoch seconds or text', () => {
    const result = parse({
      feature_group: 'rides',
      name: 'trip_duration',
      version: '1.2.0',
      availability: ['hive'],
      watermarks: [
        { watermark_type: 'high_watermark', time: 1_700_000_000 },
        { watermark_type: 'low_watermark', time: '2024-01-01' },
      ],
      generation_code: { text: 'SELECT 1' },
    });
    expect(result.success).toBe(true);
  });

  it('refuses parts of a key holding "/", control characters, unknown fields and bad database names', () => {
    expect(parse({ feature_group: 'a/b', name: 'n', version: '1' }).error?.issues[0]).toMatchObject({
      path: ['features', 0, 'feature_group'],
    });
    expect(parse({ feature_group: 'g', name: 'n\u0000', version: '1' }).success).toBe(false);
    expect(parse({ feature_group: 'g', name: 'n', version: '1', colour: 'red' }).success).toBe(false);
    expect(parse({ feature_group: 'g', name: 'n', version: '1', availability: ['hive://x'] }).success).toBe(false);
  });

  it('refuses a batch holding one feature key twice, naming the second record', () => {
    const result = ingestFeaturesSchema.safeParse({
      features: [
        { feature_group: 'rides', name: 'trip_duration', version: '1' },
        { feature_group: 'rides', name: 'trip_duration', version: '2' },
        { feature_group: 'rides', name: 'trip_duration', version: '1', status: 'deprecated' },
      ],
    });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['features', 2], 'A feature rides/trip_duration/1 appears twice'],
    ]);
  });
});
