// At most one OCR job at a time per server process: Tesseract keeps one core busy for seconds a
// page, and on a two-core machine a second job would slow every other user's requests. Jobs wait
// in order; a cancelled job leaves the queue at once, waiting or running.
import { OcrCancelledError } from "./process";

export interface QueueEvents {
  /** Called while the job waits: how many jobs are ahead of it (0 = it starts now). */
  onWaiting?: (ahead: number) => void;
}

interface Entry {
  start: () => void;
  cancel: () => void;
}

export class OcrQueue {
  private running = false;
  private waiting: Entry[] = [];

  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  run<T>(job: () => Promise<T>, signal?: AbortSignal, events: QueueEvents = {}): Promise<T> {
    if (signal?.aborted) return Promise.reject(new OcrCancelledError());
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = {
        start: () => {
          signal?.removeEventListener("abort", onAbort);
          this.running = true;
          this.notify();
          const done = () => {
            this.running = false;
            this.next();
          };
          job().then(
            (v) => {
              done();
              resolve(v);
            },
            (e: unknown) => {
              done();
              reject(e);
            },
          );
        },
        cancel: () => reject(new OcrCancelledError()),
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          this.listeners.delete(entry);
          entry.cancel();
          this.notify();
        }
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.listeners.set(entry, events.onWaiting);
      this.waiting.push(entry);
      if (!this.running) this.next();
      else this.notify();
    });
  }

  private listeners = new Map<Entry, ((ahead: number) => void) | undefined>();

  private notify() {
    this.waiting.forEach((e, i) => this.listeners.get(e)?.(i + (this.running ? 1 : 0)));
  }

  private next() {
    const e = this.waiting.shift();
    if (!e) return;
    this.listeners.get(e)?.(0);
    this.listeners.delete(e);
    e.start();
  }
}

// One queue per process, kept on globalThis so that Next's module reloading in development
// does not make a second one.
const g = globalThis as unknown as { __ocrQueue?: OcrQueue };
export const ocrQueue: OcrQueue = (g.__ocrQueue ??= new OcrQueue());
