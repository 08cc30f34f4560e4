import { useEffect, useState } from "react";

let hydratedOnce = false;

/** False in the server's HTML and the first client render, true once JavaScript runs (for parts that need it). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(hydratedOnce);
  useEffect(() => {
    hydratedOnce = true;
    setHydrated(true);
  }, []);
  return hydrated;
}
