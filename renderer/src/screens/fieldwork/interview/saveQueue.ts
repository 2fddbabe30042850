/**
 * The writes of one interview, sent one at a time in the order they were made, so a later answer
 * to a question can never be overtaken by an earlier one. Typed answers and notes wait a moment
 * (`later`) so that not every keystroke is a commit; `flush` sends whatever is waiting at once.
 * Each write carries its own value; a failed write is kept until a newer one under its key
 * succeeds, and `retry` sends it again.
 */

export interface SaveStatus {
  /** Writes waiting or running. */
  pending: number;
  /** When the last write succeeded. */
  savedAt: Date | null;
  /** Keys whose last write failed (retry sends them again). */
  failed: string[];
}

type Write = () => Promise<unknown>;

export class SaveQueue {
  private chain: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; write: Write }
  >();
  private readonly failedWrites = new Map<string, Write>();
  private running = 0;
  private savedAt: Date | null = null;

  constructor(
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Sends `write` after every earlier write; a waiting write under the same key is replaced. */
  now(key: string, write: Write): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.waiting.delete(key);
    }
    this.running += 1;
    this.report();
    this.chain = this.chain.then(async () => {
      try {
        await write();
        this.failedWrites.delete(key);
        this.savedAt = new Date();
      } catch (error) {
        this.failedWrites.set(key, write);
        this.onError(error);
      } finally {
        this.running -= 1;
        this.report();
      }
    });
    return this.chain;
  }

  /** Sends `write` after `delayMs` without a newer write under the same key. */
  later(key: string, delayMs: number, write: Write): void {
    const waiting = this.waiting.get(key);
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      void this.now(key, write);
    }, delayMs);
    this.waiting.set(key, { timer, write });
    this.report();
  }

  /** Sends every waiting write now and resolves when all writes so far have finished. */
  async flush(): Promise<boolean> {
    for (const [key, { write }] of [...this.waiting]) void this.now(key, write);
    await this.chain;
    return this.failedWrites.size === 0;
  }

  /** Sends the writes that failed again. */
  retry(): Promise<boolean> {
    for (const [key, write] of [...this.failedWrites]) void this.now(key, write);
    return this.flush();
  }

  status(): SaveStatus {
    return {
      pending: this.running + this.waiting.size,
      savedAt: this.savedAt,
      failed: [...this.failedWrites.keys()],
    };
  }

  private report(): void {
    this.onStatus(this.status());
  }
}
