// The profiler's own process: `node --import tsx profile-child.ts '<job as JSON>'`, forked by the profile
// worker (run-isolated.server.ts). It profiles one file and reports over IPC: progress, then the profile or
// the reason it failed. Nothing here touches the database. A native crash or running out of memory ends this
// process, not the web server, and its memory goes back to the system when the job ends.
import { profileFile, ProfileError } from "./engine.server";

interface Job {
  path: string;
  kind: "csv" | "tsv" | "xlsx" | "json";
  sizeBytes: number;
  workDir: string;
  memoryLimit?: string;
  threads?: number;
}

const send = (message: unknown) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

async function main() {
  const job = JSON.parse(process.argv[2] ?? "{}") as Job;
  const controller = new AbortController();
  process.once("SIGTERM", () => controller.abort());
  try {
    const result = await profileFile(
      { path: job.path, kind: job.kind, sizeBytes: job.sizeBytes },
      { workDir: job.workDir, memoryLimit: job.memoryLimit, threads: job.threads, signal: controller.signal, onProgress: (fraction) => void send({ type: "progress", fraction }) },
    );
    await send({ type: "done", result });
  } catch (error) {
    if (error instanceof ProfileError) await send({ type: "content-error", message: error.message });
    else await send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
  process.exit(0);
}

void main();
