// One Idempotency-Key per attempt at an action. When the outcome of a try is unknown (no answer, or a server
// error), trying the same thing again sends the same key, so the server does it at most once; a different
// choice, or a settled attempt, gets a new key.
export class Attempts {
  #pending = null;

  keyFor(fingerprint) {
    if (this.#pending?.fingerprint !== fingerprint) {
      this.#pending = { fingerprint, key: crypto.randomUUID() };
    }
    return this.#pending.key;
  }

  /** Call after every answer: a retryable failure keeps the key for the next try. */
  settle(problem) {
    if (!problem?.retryable) this.#pending = null;
  }
}
