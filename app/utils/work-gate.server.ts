// How many requests the server works on at once. On two cores, a 51st request handled in parallel adds no
// throughput, only memory: each holds its query results, its loader data and its render until it is done. So
// at most `concurrency` requests run their loaders, actions and renders together; the others wait in arrival
// order, each costing only its socket; when `queueLimit` are already waiting, the next is told to come back
// (503 with Retry-After) instead of growing the queue without bound. Memory under load is then set by
// `concurrency`, not by the number of clients.

export interface WorkGate {
  /** Waits for a slot; resolves to the function that frees it, or null when the queue is full. */
  enter(signal?: AbortSignal): Promise<(() => void) | null>;
  readonly active: number;
  readonly waiting: number;
}

export function createWorkGate({ concurrency, queueLimit }: { concurrency: number; queueLimit: number }): WorkGate {
  if (!(concurrency >= 1)) throw new Error("A work gate needs a concurrency of at least 1");
  let active = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    active -= 1;
    // Hand the slot to the next one still waiting (one whose client went away has left the queue).
    const next = queue.shift();
    if (next) {
      active += 1;
      next();
    }
  };

  const ticket = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    enter(signal) {
      if (signal?.aborted) return Promise.resolve(null);
      if (active < concurrency) {
        active += 1;
        return Promise.resolve(ticket());
      }
      if (queue.length >= queueLimit) return Promise.resolve(null);
      return new Promise((resolve) => {
        const admit = () => {
          signal?.removeEventListener("abort", leave);
          resolve(ticket());
        };
        const leave = () => {
          const at = queue.indexOf(admit);
          if (at >= 0) queue.splice(at, 1);
          resolve(null);
        };
        queue.push(admit);
        signal?.addEventListener("abort", leave, { once: true });
      });
    },
  };
}
