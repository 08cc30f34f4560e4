import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const serverDatabase = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    // Vitest runs one worker per CPU but one; on the 2-CPU machines here that is a single worker. Tests wait on
    // the database much of the time, so two workers keep both CPUs busy and halve the run.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Generous timeout: the first property tests build every holiday calendar they touch, slow on a busy CI box.
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration:pglite",
          include: ["tests/integration/**/*.test.ts"],
          // Two processes can't share one embedded database: the two-instance test runs on Postgres only.
          exclude: ["tests/integration/server-only/**", "tests/integration/two-instances.test.ts"],
          env: { TEST_DB_DRIVER: "pglite", PGLITE_MEMORY: "1", NODE_ENV: "test" as const },
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(serverDatabase
        ? [
            {
              extends: true as const,
              test: {
                name: "integration:postgres",
                include: ["tests/integration/**/*.test.ts"],
                // These run on embedded databases of their own (the CLI's child processes, DATA_DIR itself): once is enough.
                exclude: ["tests/integration/cli-*.test.ts", "tests/integration/embedded-database.test.ts"],
                env: { TEST_DB_DRIVER: "postgres", NODE_ENV: "test" as const },
                globalSetup: ["tests/setup/postgres-global.ts"],
                setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/database.ts"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
