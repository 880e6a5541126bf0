/** The fault switches' current positions; all off at start. */
export class FaultState {
  /** How the key-set endpoints answer: normally, after a delay, or 503. */
  keys: 'up' | 'slow' | 'down' = 'up';
  keysDelayMs = 3000;
  /** Make the Users API answer 429 Too Many Requests. */
  usersApi429 = false;
  /** Seconds added to the `iat` of the ID tokens issued (a token "from the future"). */
  idTokenIatOffsetSec = 0;

  reset(): void {
    this.keys = 'up';
    this.keysDelayMs = 3000;
    this.usersApi429 = false;
    this.idTokenIatOffsetSec = 0;
  }

  snapshot() {
    return { keys: this.keys, keysDelayMs: this.keysDelayMs, usersApi429: this.usersApi429, idTokenIatOffsetSec: this.idTokenIatOffsetSec };
  }
}
