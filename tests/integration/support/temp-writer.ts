// A process that starts writing an upload's temp file and then hangs, to be killed with SIGKILL by a test.
const { newTempPath } = await import("../../../app/domain/files/storage.server");
const { writeFileSync } = await import("node:fs");
const file = await newTempPath();
writeFileSync(file, Buffer.alloc(1024 * 1024, 0x61));
process.stdout.write(`${file}\n`);
setInterval(() => {}, 60_000);
export {};
