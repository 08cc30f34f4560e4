import type { AppLoadContext } from "@remix-run/node";

// What server.ts's getLoadContext hands every loader and action (and entry.server).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as Express sees it (req.ip, honouring the "trust proxy" setting). */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce for inline scripts. */
    cspNonce?: string;
  }
}

/** The client's address, or null when the code runs outside the HTTP server (tests, scripts). */
export function clientAddressOf(context: AppLoadContext | undefined): string | null {
  const address = context?.clientAddress;
  return typeof address === "string" && address.length > 0 ? address : null;
}
