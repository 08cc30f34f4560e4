import { config } from "zod";

// Zod compiles faster parsers with `new Function`, probing for it whenever a schema is built. Our
// Content-Security-Policy forbids eval, so in the browser the probe alone reports a violation. This module
// is root.tsx's first import, so it runs before any route module builds a schema.
config({ jitless: true });
