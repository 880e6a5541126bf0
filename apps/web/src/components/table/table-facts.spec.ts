import { addableBadges, descriptionsBySource, epochDay, partitionRange, statPeriod, statsByPeriod } from './table-facts';

describe('table facts', () => {
  it('reads the partition range from the low and high watermarks', () => {
    expect(
      partitionRange([
        { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2021-03-01', create_time: '2025-11-22T03:12:09' },
        { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2025-11-21', create_time: '2025-11-22T03:12:09' },
      ]),
    ).toEqual({ key: 'ds', low: '2021-03-01', high: '2025-11-21', recorded: '2025-11-22T03:12:09' });
    expect(partitionRange([{ watermark_type: 'high_watermark', partition_key: null, partition_value: '7', create_time: null }])).toEqual({
      key: null,
      low: null,
      high: '7',
      recorded: null,
    });
    expect(partitionRange([])).toBeNull();
    expect(partitionRange(undefined)).toBeNull();
  });

  it('says the period of stats in UTC days, and groups stats by it', () => {
    expect(epochDay(1763251200)).toBe('2025-11-16');
    expect(statPeriod({ stat_type: 'min', start_epoch: 1763251200, end_epoch: 1763769600 })).toBe('2025-11-16 to 2025-11-22');
    expect(statPeriod({ stat_type: 'min', start_epoch: 1763251200, end_epoch: 1763251200 })).toBe('2025-11-16');
    expect(statPeriod({ stat_type: 'min', start_epoch: 1763251200, end_epoch: null })).toBe('from 2025-11-16');
    expect(statPeriod({ stat_type: 'min', end_epoch: 1763251200 })).toBe('until 2025-11-16');
    expect(statPeriod({ stat_type: 'min' })).toBeNull();
    const a = { stat_type: 'min', start_epoch: 1, end_epoch: 2 };
    const b = { stat_type: 'max', start_epoch: 1, end_epoch: 2 };
    const c = { stat_type: 'avg' };
    expect(statsByPeriod([a, c, b])).toEqual([
      { period: '1970-01-01', stats: [a, b] },
      { period: null, stats: [c] },
    ]);
  });

  it('groups programmatic descriptions by source, from a list or from the panels', () => {
    const list = [
      { source: 'quality', text: 'a' },
      { source: 'storage', text: 'b' },
      { source: 'quality', text: 'c' },
    ];
    const grouped = [
      { source: 'quality', texts: ['a', 'c'] },
      { source: 'storage', texts: ['b'] },
    ];
    expect(descriptionsBySource(list)).toEqual(grouped);
    expect(descriptionsBySource({ left: [list[0]], right: [], other: [list[1], list[2]] })).toEqual(grouped);
    expect(descriptionsBySource(null)).toEqual([]);
  });

  it('offers only the allowed badges the table does not have', () => {
    const allowed = [
      { badge_name: 'certified', category: 'table_status' },
      { badge_name: 'pii', category: 'data_sensitivity' },
    ];
    expect(addableBadges(allowed, [{ badge_name: 'certified' }])).toEqual([allowed[1]]);
    expect(addableBadges([], [])).toEqual([]);
  });
});
