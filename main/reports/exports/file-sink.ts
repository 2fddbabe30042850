/** A file written through a stream, waiting whenever the stream asks to, so memory stays flat. */
import fs from 'node:fs';
import { once } from 'node:events';

export class FileSink {
  readonly stream: fs.WriteStream;

  constructor(path: string) {
    this.stream = fs.createWriteStream(path);
  }

  async write(chunk: Buffer): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Ends the file and waits until it is closed (a rename may follow at once). */
  async close(): Promise<void> {
    this.stream.end();
    if (!this.stream.closed) await once(this.stream, 'close');
  }

  /** After a failure or a cancel: closes the half-written file; the caller removes it. */
  async abandon(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }
}
