import { createContext, useContext, type ReactNode } from "react";

// The Content-Security-Policy nonce of this response, provided by entry.server for <Scripts> and
// <ScrollRestoration>. In the browser it is empty: browsers hide nonce values from the page after parsing,
// so the empty attribute matches what hydration finds.
const NonceContext = createContext("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export const useNonce = () => useContext(NonceContext);
