import type { LogLevel } from '@nestjs/common';
import { z } from 'zod';
import { EnvReader, type Env } from '@fram/config';

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  /** LOG_LEVEL: this level and every level above it are printed. */
  logLevel: LogLevel;
  /** LOG_FORMAT: one JSON object per line (production's default), or readable text (otherwise). */
  logFormat: LogFormat;
}

/** LOG_LEVEL, default `log`. */
export function readLogLevel(reader: EnvReader): LogLevel {
  return reader.read({
    name: 'LOG_LEVEL',
    schema: z
      .enum(LOG_LEVELS as [LogLevel, ...LogLevel[]], { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .optional()
      .transform((v) => v ?? 'log'),
  });
}

/** LOG_FORMAT, default `json` when NODE_ENV=production, else `text`. */
export function readLogFormat(reader: EnvReader, source: Env): LogFormat {
  return reader.read({
    name: 'LOG_FORMAT',
    schema: z
      .enum(LOG_FORMATS, { error: `must be ${LOG_FORMATS.join(' or ')}` })
      .optional()
      .transform((v): LogFormat => v ?? (source['NODE_ENV'] === 'production' ? 'json' : 'text')),
  });
}

/** LOG_LEVEL and LOG_FORMAT; undefined when either is wrong (readProcessConfig names it). */
export function readLogSettings(source: Env): LogSettings | undefined {
  const reader = new EnvReader(source);
  const settings = { logLevel: readLogLevel(reader), logFormat: readLogFormat(reader, source) };
  try {
    reader.done();
  } catch {
    return undefined;
  }
  return settings;
}

/** Nest's levels that are printed at `level`: it and every level above it. */
export function nestLogLevels(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
