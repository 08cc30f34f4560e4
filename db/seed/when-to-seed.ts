/**
 * Whether the app seeds the demo coalition when it starts: only into an embedded (PGlite) database that has
 * no organization yet, and not when SEED_DEMO is off. A Postgres server (DATABASE_URL) is never seeded at
 * start-up, even when empty: someone's real database must not fill with demo people. `npm run seed:demo`
 * seeds any database on request.
 */
export function seedDemoAtStartup(input: {
  driver: "pglite" | "postgres";
  /** SEED_DEMO as parsed: undefined when unset (default on). */
  seedDemo: boolean | undefined;
  organizationCount: number;
}): boolean {
  return input.driver === "pglite" && input.seedDemo !== false && input.organizationCount === 0;
}
