import { describe, expect, it } from "vitest";
import { schedulePurge } from "../../../src/server/retention.ts";

describe("schedulePurge", () => {
  it("stop() resolves only after the purge under way has finished, so the database can close after it", async () => {
    let finish!: (deleted: number) => void;
    const outcomes: Array<{ deleted?: number; error?: string }> = [];
    const purge = schedulePurge(
      () => new Promise<number>((resolve) => (finish = resolve)),
      (outcome) => outcomes.push(outcome),
    );
    let stopped = false;
    const stopping = purge.stop().then(() => (stopped = true));
    await new Promise((tick) => setTimeout(tick, 10));
    expect(stopped).toBe(false);
    finish(2);
    await stopping;
    expect(stopped).toBe(true);
    expect(outcomes).toEqual([{ deleted: 2 }]);
  });

  it("reports a failed purge by its error name and never throws", async () => {
    const outcomes: Array<{ deleted?: number; error?: string }> = [];
    const purge = schedulePurge(
      () => Promise.reject(Object.assign(new Error("x"), { name: "ResourceNotFoundException" })),
      (outcome) => outcomes.push(outcome),
    );
    await purge.ready;
    await purge.stop();
    expect(outcomes).toEqual([{ error: "ResourceNotFoundException" }]);
  });
});
