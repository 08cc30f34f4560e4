// Loaded with `node --import ./bench/memory-probe.mjs build/server.js` by bench/scale.ts: every 100 ms it writes
// the server's process.memoryUsage() at its highest RSS so far to MEMORY_PROBE_FILE (JSON), so the bench can say
// where the peak went (V8 heap, array buffers, other native memory). Nothing else in the server changes.
import { writeFileSync } from "node:fs";

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  let peak = { rss: 0 };
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) {
      peak = now;
      try {
        writeFileSync(file, JSON.stringify(peak));
      } catch {
        // the bench's work directory is gone: nothing to report to
      }
    }
  }, 100);
  timer.unref();
}
