import { type z } from 'zod';
import { ConfigError } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * One environment variable: its name, the names it may also be given under
 * (for example Amundsen's flaskoidc names), and a zod schema for the raw text.
 * An alias can convert its value to the meaning of the main variable.
 */
export interface EnvVar<T> {
  name: string;
  schema: z.ZodType<T, string | undefined>;
  aliases?: readonly EnvAlias[];
}

export interface EnvAlias {
  name: string;
  convert?: (value: string) => string;
}

/**
 * Reads variables one by one and collects every problem before failing, so
 * that one start-up attempt reports all of them.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  /** The raw text of a variable or of its first alias that is set; blank counts as unset. */
  raw(name: string, aliases: readonly EnvAlias[] = []): { from: string; value: string } | undefined {
    const own = this.env[name];
    if (own !== undefined && own.trim() !== '') return { from: name, value: own.trim() };
    for (const alias of aliases) {
      const value = this.env[alias.name];
      if (value !== undefined && value.trim() !== '') {
        const text = value.trim();
        return { from: alias.name, value: alias.convert ? alias.convert(text) : text };
      }
    }
    return undefined;
  }

  read<T>(variable: EnvVar<T>): T {
    const found = this.raw(variable.name, variable.aliases);
    const result = variable.schema.safeParse(found?.value);
    if (result.success) return result.data;
    const from = found?.from ?? variable.name;
    const got = found === undefined ? 'it is not set' : `got ${JSON.stringify(found.value)}`;
    const message = result.error.issues[0]?.message ?? 'is invalid';
    this.problems.push(`${from}: ${message} (${got})`);
    return undefined as T;
  }

  /** Records a problem found by a check that spans several variables. */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** Throws a ConfigError listing every problem, if there was any. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

/** A comma-separated list; blanks and surrounding spaces are dropped. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
