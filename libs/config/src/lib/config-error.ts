/**
 * Thrown at start-up when the environment does not describe a usable
 * configuration. Each problem names the variable and says what to set, so the
 * message alone tells an operator how to fix it.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}
