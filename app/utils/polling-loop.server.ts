type Logger = Pick<Console, "error">;

export interface PollingLoopOptions {
  /** Named in the log when a round throws ("mail: the outbox worker failed a round: ..."). */
  description: string;
  /** One round of work; resolves true when more is likely waiting, so the next round starts without a pause. */
  round: () => Promise<boolean>;
  pollIntervalMs: number;
  /** Runs once when the loop starts, before its first round (its errors are the caller's to catch). */
  beforeFirstRound?: () => Promise<void>;
  /** Subscribes to "new work was queued" in this process; returns the unsubscribe. Each signal ends a pause. */
  subscribe?: (wake: () => void) => () => void;
  /** Called when stop() begins, before the loop is woken (e.g. to abort the round in flight). */
  onStopping?: () => void;
  log?: Logger;
}

/**
 * The background workers' loop (mail outbox, file profiles, webhooks): run a round, pause unless the round says
 * more is waiting, end a pause early when woken, and on stop finish the round in flight before resolving. A
 * round that throws is logged and the loop goes on after the pause, so one bad round never stops a worker.
 */
export class PollingLoop {
  private stopping = false;
  private running: Promise<void> | undefined;
  private endPause: (() => void) | undefined;
  /** A wake that arrived during a round: the pause after it is skipped. */
  private woken = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: PollingLoopOptions) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.unsubscribe = this.options.subscribe?.(() => this.wake());
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.options.onStopping?.();
    this.wake();
    await this.running;
    this.running = undefined;
  }

  wake(): void {
    this.woken = true;
    this.endPause?.();
  }

  private async run(): Promise<void> {
    await this.options.beforeFirstRound?.();
    while (!this.stopping) {
      this.woken = false;
      let busy = false;
      try {
        busy = await this.options.round();
      } catch (error) {
        (this.options.log ?? console).error(`${this.options.description} failed a round:`, error);
      }
      if (!busy && !this.stopping) await this.pause(this.options.pollIntervalMs);
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.endPause = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.endPause = done;
    });
  }
}
