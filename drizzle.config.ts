import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; `npm run db:generate` after a schema change.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
