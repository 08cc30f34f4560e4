import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { takeTurns } from "../../db/client";

/** How many of `queries` awaited statements ran before a timer set at the start got its turn. */
async function statementsBeforeTimer(client: PGlite, queries: number): Promise<number> {
  let ran = 0;
  let firedAfter = -1;
  setImmediate(() => (firedAfter = ran));
  for (let i = 0; i < queries; i++) {
    await client.query("select $1::int as n", [i]);
    ran++;
  }
  return firedAfter === -1 ? queries : firedAfter;
}

describe("takeTurns (the embedded database shares the event loop)", () => {
  const plain = new PGlite();
  const fair = takeTurns(new PGlite());
  afterAll(async () => {
    await plain.close();
    await fair.close();
  });

  it("a loop of awaited PGlite statements starves the event loop without it (the reason for it)", async () => {
    await plain.query("select 1");
    expect(await statementsBeforeTimer(plain, 200)).toBe(200);
  });

  it("lets other work run between statements, with the same results", async () => {
    await fair.query("select 1");
    expect(await statementsBeforeTimer(fair, 200)).toBeLessThan(5);
    expect((await fair.query<{ n: number }>("select $1::int as n", [7])).rows).toEqual([{ n: 7 }]);
    expect((await fair.exec("select 1 as a; select 2 as b")).map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    const inTransaction = await fair.transaction(async (tx) => (await tx.query<{ n: number }>("select 3 as n")).rows[0]!.n);
    expect(inTransaction).toBe(3);
  });
});
