import { afterEach, beforeEach, vi, type MockInstance } from "vitest";

// An unexpected console.error is a bug: fail the test that caused it.
let spy: MockInstance<typeof console.error> | undefined;
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  spy?.mockRestore();
  if (errors.length > 0) {
    throw new Error(`console.error was called:\n${errors.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
