/** Pure helpers for the table page's facts: watermarks, column stats, programmatic descriptions. */

export interface WatermarkLike {
  watermark_type: string | null;
  partition_key: string | null;
  partition_value: string | null;
  create_time: string | null;
}

/** The partitions a table holds: its low and high watermarks (either may be missing), their partition key, when recorded. */
export interface PartitionRange {
  key: string | null;
  low: string | null;
  high: string | null;
  recorded: string | null;
}

export function partitionRange(watermarks: readonly WatermarkLike[] | null | undefined): PartitionRange | null {
  const list = watermarks ?? [];
  const low = list.find((w) => w.watermark_type === 'low_watermark');
  const high = list.find((w) => w.watermark_type === 'high_watermark');
  if (!low && !high) return null;
  return {
    key: high?.partition_key ?? low?.partition_key ?? null,
    low: low?.partition_value ?? null,
    high: high?.partition_value ?? null,
    recorded: high?.create_time ?? low?.create_time ?? null,
  };
}

/** An epoch in seconds as a calendar day (UTC), e.g. 2025-11-16. */
export function epochDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export interface StatLike {
  stat_type: string;
  stat_val?: string | null;
  start_epoch?: number | null;
  end_epoch?: number | null;
}

/** The period a column's stats cover, in words: "2025-11-16 to 2025-11-22", one end only, or null when none is known. */
export function statPeriod(stat: StatLike): string | null {
  const start = typeof stat.start_epoch === 'number' ? epochDay(stat.start_epoch) : null;
  const end = typeof stat.end_epoch === 'number' ? epochDay(stat.end_epoch) : null;
  if (start && end) return start === end ? start : `${start} to ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return null;
}

/** Stats grouped by their period (most columns have one), in the order they come. */
export function statsByPeriod<T extends StatLike>(stats: readonly T[]): { period: string | null; stats: T[] }[] {
  const groups: { period: string | null; stats: T[] }[] = [];
  for (const stat of stats) {
    const period = statPeriod(stat);
    const group = groups.find((g) => g.period === period);
    if (group) group.stats.push(stat);
    else groups.push({ period, stats: [stat] });
  }
  return groups;
}

export interface DescriptionLike {
  source: string;
  text: string;
}

/**
 * Programmatic descriptions by source, sources in the order they first come. The frontend answers
 * them grouped into left, right and other panels (Amundsen's), metadata as a list: both are read.
 */
export function descriptionsBySource<T extends DescriptionLike>(
  descriptions: readonly T[] | { left?: readonly T[]; right?: readonly T[]; other?: readonly T[] } | null | undefined,
): { source: string; texts: string[] }[] {
  const list: readonly T[] = Array.isArray(descriptions)
    ? descriptions
    : descriptions && typeof descriptions === 'object'
      ? [
          ...((descriptions as { left?: T[] }).left ?? []),
          ...((descriptions as { right?: T[] }).right ?? []),
          ...((descriptions as { other?: T[] }).other ?? []),
        ]
      : [];
  const groups: { source: string; texts: string[] }[] = [];
  for (const d of list) {
    const group = groups.find((g) => g.source === d.source);
    if (group) group.texts.push(d.text);
    else groups.push({ source: d.source, texts: [d.text] });
  }
  return groups;
}

/** The badges that may still be added: the allowed ones the resource does not have yet. */
export function addableBadges<T extends { badge_name: string; category: string }>(
  allowed: readonly T[],
  current: readonly { badge_name: string }[],
): T[] {
  const have = new Set(current.map((b) => b.badge_name));
  return allowed.filter((b) => !have.has(b.badge_name));
}
