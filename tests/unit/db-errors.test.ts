import { describe, expect, it } from "vitest";
import { isRetryableConflict, isUniqueViolation, retryOnConflict } from "~/utils/db-errors.server";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });
const wrapped = (code: string) => Object.assign(new Error("Failed query"), { cause: { code } });

describe("retryOnConflict", () => {
  it("runs a transaction Postgres aborted for a deadlock again, until it succeeds", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls += 1;
      if (calls < 3) throw calls === 1 ? deadlock() : wrapped("40001");
      return "saved";
    });
    expect(result).toBe("saved");
    expect(calls).toBe(3);
  });

  it("gives up after its attempts, and never retries other errors", async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => {
      calls += 1;
      throw deadlock();
    }, 3)).rejects.toMatchObject({ code: "40P01" });
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryOnConflict(async () => {
      calls += 1;
      throw wrapped("23505");
    })).rejects.toThrow("Failed query");
    expect(calls).toBe(1);
  });

  it("reads the SQLSTATE on the error or its cause", () => {
    expect(isUniqueViolation(wrapped("23505"))).toBe(true);
    expect(isUniqueViolation(deadlock())).toBe(false);
    expect(isRetryableConflict(deadlock())).toBe(true);
    expect(isRetryableConflict(null)).toBe(false);
  });
});
