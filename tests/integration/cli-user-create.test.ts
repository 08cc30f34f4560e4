import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { organizations, users } from "../../db/schema";

// `npm run user:create` as an operator runs it: a child process with its own embedded database in DATA_DIR.

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
let dataDir: string;

function childEnv(): NodeJS.ProcessEnv {
  // Never the test run's database: no DATABASE_URL, no in-memory switch.
  const { DATABASE_URL: _url, PGLITE_MEMORY: _memory, ...rest } = process.env;
  return { ...rest, DATA_DIR: dataDir, NODE_ENV: "test" };
}

function userCreate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "db/cli/user-create.ts", ...args], { cwd: root, env: childEnv(), timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "jointask-cli-"));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm run user:create", () => {
  it("refuses bad arguments with exit code 2, a message naming the argument and the usage", async () => {
    const missing = await userCreate("--org", "Somewhere", "--password", "correct horse battery");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--email is required");
    expect(missing.stderr).toContain("Usage: npm run user:create");

    const short = await userCreate("--org", "Somewhere", "--email", "x@example.org", "--password", "short", "--role", "boss");
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--password must be at least \d+ characters/);
    expect(short.stderr).toContain("--role must be one of admin");

    const unknown = await userCreate("--org", "Somewhere", "--emial", "x@example.org");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--emial'");
    // Nothing was opened or written for any of them.
    expect(`${missing.stdout}${short.stdout}${unknown.stdout}`).toBe("");
  }, 60_000);

  it("makes a new organization's first user its admin, later ones coordinators, and refuses a taken email with exit code 1", async () => {
    const first = await userCreate("--org", "River City Coalition", "--email", "Lead@Example.org", "--password", "correct horse battery", "--name", "Lee Lead");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created lead@example.org (admin) in new organization "River City Coalition"');
    expect(first.stdout).toContain(dataDir);

    const second = await userCreate("--org", "River City Coalition", "--email", "helper@example.org", "--password", "correct horse battery");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Created helper@example.org (coordinator) in organization "River City Coalition"');

    const taken = await userCreate("--org", "Another Org", "--email", "LEAD@example.org", "--password", "correct horse battery");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("lead@example.org");
    expect(taken.stdout).toBe("");

    // What is in the database the CLI wrote: one organization (the refused run made none), two people in it.
    const handle = openDatabase({ driver: "pglite", dataDir });
    try {
      const orgs = await handle.db.select({ id: organizations.id, name: organizations.name }).from(organizations);
      expect(orgs.map((o) => o.name)).toEqual(["River City Coalition"]);
      const people = await handle.db
        .select({ email: users.email, role: users.role, name: users.name })
        .from(users)
        .where(eq(users.organizationId, orgs[0]!.id))
        .orderBy(asc(users.email));
      expect(people).toEqual([
        { email: "helper@example.org", role: "coordinator", name: "helper" },
        { email: "lead@example.org", role: "admin", name: "Lee Lead" },
      ]);
    } finally {
      await handle.close();
    }
  }, 180_000);
});
