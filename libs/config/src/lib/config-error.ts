/**
 * Thrown at start-up when the environment does not describe a usable
 * configuration. Each problem names the variable and says what to set, so the
 * message alone tells an operator how to fix it.
 */
export class ConfigError extends Error {
  declare readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    // Not enumerable, so loggers print the message once rather than the list again.
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
    // The message is the whole story; a stack trace would only bury it in logs.
    this.stack = `${this.name}: ${this.message}`;
  }
}
