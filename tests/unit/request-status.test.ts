import { describe, expect, it } from "vitest";
import {
  canTransition,
  isOpenStatus,
  OPEN_STATUSES,
  REQUEST_STATUSES,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  transitionProblem,
} from "~/domain/request-status";

describe("the status transition table", () => {
  it("lists a rule for every status and only known statuses as targets", () => {
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...REQUEST_STATUSES].sort());
    for (const targets of Object.values(STATUS_TRANSITIONS)) {
      for (const to of targets) expect(REQUEST_STATUSES).toContain(to);
    }
  });

  it.each([
    ["draft", "submitted", true],
    ["draft", "fulfilled", false],
    ["submitted", "acknowledged", true],
    ["clarification_requested", "awaiting_response", true],
    ["fee_requested", "fulfilled", true],
    ["denied", "appealed", true],
    ["denied", "draft", false],
    ["appealed", "in_litigation", true],
    ["fulfilled", "submitted", false],
    ["withdrawn", "submitted", false],
  ] as const)("%s -> %s allowed: %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    expect(transitionProblem(from, to) === null).toBe(allowed);
  });

  it("never allows staying put or going back to draft", () => {
    for (const from of REQUEST_STATUSES) {
      expect(canTransition(from, from)).toBe(false);
      expect(canTransition(from, "draft")).toBe(false);
    }
  });

  it("lets every open request be withdrawn, and every final answer be appealed", () => {
    for (const status of OPEN_STATUSES) {
      if (status !== "in_litigation") expect(canTransition(status, "withdrawn"), status).toBe(true);
    }
    for (const status of ["fulfilled", "partially_fulfilled", "no_responsive_records", "denied"] as const) {
      expect(canTransition(status, "appealed"), status).toBe(true);
    }
  });

  it("explains a refused move with the moves that are possible", () => {
    expect(transitionProblem("fulfilled", "draft")).toBe(
      "A request can't move from Fulfilled to Draft. From Fulfilled it can move to: Appealed.",
    );
    expect(transitionProblem("withdrawn", "submitted")).toBe(
      "A request can't move from Withdrawn to Submitted. Withdrawn is final.",
    );
    expect(transitionProblem("denied", "denied")).toBe("The request is already denied.");
  });

  it("counts drafts and final answers as not open", () => {
    expect(isOpenStatus("draft")).toBe(false);
    expect(isOpenStatus("fulfilled")).toBe(false);
    expect(isOpenStatus("fee_requested")).toBe(true);
    expect(isOpenStatus("no_responsive_records")).toBe(false);
    expect(isOpenStatus("withdrawn")).toBe(false);
  });

  it("keeps a partial answer open: the agency still owes the rest", () => {
    expect(isOpenStatus("partially_fulfilled")).toBe(true);
    expect(OPEN_STATUSES).toContain("partially_fulfilled");
    expect(Object.keys(STATUS_LABELS)).toHaveLength(13);
  });
});
