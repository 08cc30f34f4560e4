import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataDir } from "../../utils/db.server";

// Where mail keeps bytes (raw messages and attachments): files under DATA_DIR/mail-attachments, named by
// their SHA-256. These two functions are the only way in or out, so moving to the shared file store (issue 5)
// is a change here alone.

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

function fileFor(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a mail file key: ${JSON.stringify(key)}`);
  return path.join(dataDir, "mail-attachments", key);
}

export async function storeMailFile(content: Buffer): Promise<{ key: string; size: number; sha256: string }> {
  const sha256 = createHash("sha256").update(content).digest("hex");
  const key = `${sha256.slice(0, 2)}/${sha256}`;
  const file = fileFor(key);
  const present = await stat(file).then((s) => s.size === content.length, () => false);
  if (!present) {
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, content, { mode: 0o600 });
    await rename(partial, file);
  }
  return { key, size: content.length, sha256 };
}

export function readMailFile(key: string): Promise<Buffer> {
  return readFile(fileFor(key));
}
