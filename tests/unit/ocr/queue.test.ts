// One OCR job at a time per server process, in order; a job cancelled while waiting leaves at once.
import { describe, expect, it } from "vitest";
import { OcrCancelledError } from "@/lib/ocr/process";
import { OcrQueue } from "@/lib/ocr/queue";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the OCR queue", () => {
  it("runs jobs one after the other and tells each how many are ahead", async () => {
    const q = new OcrQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick(20);
      running--;
      return name;
    };
    const ahead: number[] = [];
    const all = await Promise.all([
      q.run(job("a")),
      q.run(job("b")),
      q.run(job("c"), undefined, { onWaiting: (n) => ahead.push(n) }),
    ]);
    expect(all).toEqual(["a", "b", "c"]);
    expect(most).toBe(1);
    expect(log).toEqual(["start a", "start b", "start c"]);
    expect(ahead).toEqual([2, 1, 0]);
  });

  it("drops a waiting job that is cancelled, without running it", async () => {
    const q = new OcrQueue();
    const ran: string[] = [];
    const first = q.run(async () => {
      await tick(30);
      ran.push("first");
    });
    const ctl = new AbortController();
    const second = q.run(async () => void ran.push("second"), ctl.signal).catch((e: unknown) => e);
    ctl.abort();
    expect(await second).toBeInstanceOf(OcrCancelledError);
    await first;
    expect(ran).toEqual(["first"]);
    expect(q.size).toBe(0);
  });
});
