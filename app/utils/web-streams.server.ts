import type { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";

/**
 * A response (or request) body read from a Node stream. Remix's converter, when the reader cancels (the client
 * went away mid-download), destroys the source with the cancel reason and only then stops listening for its
 * 'error': the error the destroy emits a tick later then has no listener and crashes the process. The source
 * keeps a listener for its whole life here; errors while it is being read still reach the web stream.
 */
export function webStreamOf(source: Readable): ReadableStream<Uint8Array> {
  source.on("error", ignoreAfterCancel);
  return createReadableStreamFromReadable(source);
}

function ignoreAfterCancel() {}
