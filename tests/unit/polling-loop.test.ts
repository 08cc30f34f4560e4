import { describe, expect, it } from "vitest";
import { PollingLoop } from "../../app/utils/polling-loop.server";

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A round that records each call and answers from a script (true = more waiting), then "nothing waiting". */
function scriptedRounds(script: (boolean | Error)[] = []) {
  const calls: number[] = [];
  const round = async () => {
    calls.push(Date.now());
    const next = script.shift();
    if (next instanceof Error) throw next;
    return next ?? false;
  };
  return { calls, round };
}

describe("PollingLoop", () => {
  it("runs rounds back to back while they report more work, then pauses for the poll interval", async () => {
    const { calls, round } = scriptedRounds([true, true, false]);
    const loop = new PollingLoop({ description: "test", round, pollIntervalMs: 10_000 });
    loop.start();
    await tick(50);
    expect(calls.length).toBe(3);
    await loop.stop();
    expect(calls.length).toBe(3);
  });

  it("ends a pause when woken, and a wake during a round skips the next pause", async () => {
    let release: () => void = () => {};
    let rounds = 0;
    const loop = new PollingLoop({
      description: "test",
      pollIntervalMs: 60_000,
      round: async () => {
        rounds++;
        if (rounds === 2) await new Promise<void>((resolve) => (release = resolve));
        return false;
      },
    });
    loop.start();
    await tick(20);
    expect(rounds).toBe(1); // paused for a minute
    loop.wake();
    await tick(20);
    expect(rounds).toBe(2); // woken: the second round is in flight
    loop.wake(); // arrives during the round
    release();
    await tick(20);
    expect(rounds).toBe(3); // no pause after the round that was woken
    await loop.stop();
  });

  it("wakes on its subscription's signal and unsubscribes on stop", async () => {
    const listeners = new Set<() => void>();
    const { calls, round } = scriptedRounds();
    const loop = new PollingLoop({
      description: "test",
      round,
      pollIntervalMs: 60_000,
      subscribe: (wake) => {
        listeners.add(wake);
        return () => listeners.delete(wake);
      },
    });
    loop.start();
    await tick(20);
    expect(calls.length).toBe(1);
    for (const listener of listeners) listener();
    await tick(20);
    expect(calls.length).toBe(2);
    await loop.stop();
    expect(listeners.size).toBe(0);
  });

  it("logs a failed round and goes on", async () => {
    const errors: unknown[][] = [];
    const { calls, round } = scriptedRounds([new Error("database went away"), true, false]);
    const loop = new PollingLoop({ description: "mail: the outbox worker", round, pollIntervalMs: 5, log: { error: (...args: unknown[]) => errors.push(args) } });
    loop.start();
    await tick(60);
    await loop.stop();
    expect(errors[0]?.[0]).toBe("mail: the outbox worker failed a round:");
    expect((errors[0]?.[1] as Error).message).toBe("database went away");
    expect(calls.length).toBeGreaterThanOrEqual(3);
  });

  it("stop waits for the round in flight and calls onStopping first", async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const loop = new PollingLoop({
      description: "test",
      pollIntervalMs: 60_000,
      beforeFirstRound: async () => void order.push("before"),
      round: async () => {
        order.push("round started");
        await new Promise<void>((resolve) => (release = resolve));
        order.push("round finished");
        return true;
      },
      onStopping: () => {
        order.push("stopping");
        release();
      },
    });
    loop.start();
    loop.start(); // a second start is ignored
    await tick(20);
    expect(loop.started).toBe(true);
    await loop.stop();
    expect(loop.started).toBe(false);
    expect(order).toEqual(["before", "round started", "stopping", "round finished"]);
  });
});
