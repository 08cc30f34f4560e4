import { fork } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../../db/paths";
import type { profileFile } from "./engine.server";
import { ProfileError } from "./profile-error";
import type { DatasetProfile } from "./profile-types";

// Runs a profile in a child process of its own (profile-child.ts, through tsx as the CLI scripts are), with the
// same signature as profileFile. The web server's memory stays flat while a 2 GB file is profiled; a native
// crash or an out-of-memory kill fails the job instead of the server.

type ChildMessage = { type: "progress"; fraction: number } | { type: "done"; result: DatasetProfile } | { type: "content-error"; message: string } | { type: "error"; message: string };

export const profileInChild: typeof profileFile = (source, options) =>
  new Promise<DatasetProfile>((resolve, reject) => {
    const job = { path: source.path, kind: source.kind, sizeBytes: source.sizeBytes, workDir: options.workDir, memoryLimit: options.memoryLimit, threads: options.threads };
    const child = fork(path.join(projectRoot, "app", "domain", "profiles", "profile-child.ts"), [JSON.stringify(job)], {
      cwd: projectRoot,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    let settled = false;
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const finish = (error: Error | null, result?: DatasetProfile) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", stop);
      if (error) reject(error);
      else resolve(result!);
    };
    const stop = () => {
      child.kill("SIGTERM");
      finish(new ProfileError("The profile was stopped."));
    };
    if (options.signal?.aborted) return stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    child.on("message", (message: ChildMessage) => {
      if (message.type === "progress") options.onProgress?.(message.fraction);
      else if (message.type === "done") finish(null, message.result);
      else if (message.type === "content-error") finish(new ProfileError(message.message));
      else finish(new Error(message.message));
    });
    child.once("error", (error) => finish(error));
    child.once("exit", (code, signal) => {
      finish(new Error(`the profiler process stopped (${signal ?? `exit code ${code}`})${stderr ? `: ${stderr.trim().split("\n").slice(-3).join(" ")}` : ""}`));
    });
  });
