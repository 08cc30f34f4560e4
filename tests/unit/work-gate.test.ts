import { describe, expect, it } from "vitest";
import { createWorkGate } from "~/utils/work-gate.server";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the work gate", () => {
  it("runs at most `concurrency` at once and admits the others in arrival order", async () => {
    const gate = createWorkGate({ concurrency: 2, queueLimit: 10 });
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const jobs = [0, 1, 2, 3, 4].map(async (n) => {
      const leave = await gate.enter();
      expect(leave).not.toBeNull();
      order.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      leave!();
    });
    await tick();
    expect(gate.active).toBe(2);
    expect(gate.waiting).toBe(3);
    while (releases.length || gate.active) {
      releases.shift()?.();
      await tick();
    }
    await Promise.all(jobs);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(gate.active).toBe(0);
  });

  it("turns away the one beyond the queue's limit instead of growing it", async () => {
    const gate = createWorkGate({ concurrency: 1, queueLimit: 1 });
    const first = await gate.enter();
    const second = gate.enter();
    expect(await gate.enter()).toBeNull();
    first!();
    const admitted = await second;
    expect(admitted).toBeTypeOf("function");
    admitted!();
    expect(gate.active).toBe(0);
  });

  it("lets a waiting request whose client went away leave the line, and a double release frees one slot", async () => {
    const gate = createWorkGate({ concurrency: 1, queueLimit: 5 });
    const first = await gate.enter();
    const controller = new AbortController();
    const gone = gate.enter(controller.signal);
    const next = gate.enter();
    controller.abort();
    expect(await gone).toBeNull();
    expect(gate.waiting).toBe(1);
    first!();
    first!();
    const leave = await next;
    expect(gate.active).toBe(1);
    leave!();
    expect(gate.active).toBe(0);
  });
});
