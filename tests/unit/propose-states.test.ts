import { describe, expect, it } from "vitest";
import type { FieldState } from "../../db/schema/field-values";
import type { AskedField } from "~/domain/fields.server";
import { proposeStates } from "~/domain/previews.server";

const field = (key: string, label: string, state: FieldState, synonyms: string[] = []): AskedField => ({
  id: key,
  key,
  label,
  recordTypeId: "t",
  recordTypeKey: "calls_for_service",
  recordTypeName: "Calls for Service",
  catalogFieldId: null,
  synonyms,
  state,
  stateNote: null,
  stateFileId: null,
  stateFileName: null,
  stateChangedAt: null,
});

describe("proposing states from a file's columns", () => {
  it("proposes received for fields found, and leaves the others as they are", () => {
    const proposals = proposeStates(
      [{ source: null, headers: ["Priority", "Call Type"], rows: [] }],
      [field("priority", "Priority", "not_yet"), field("call_type_final", "Call type (final)", "not_yet", ["call type"]), field("beat", "Beat", "partly_received")],
    );
    expect(proposals.map((p) => [p.fieldId, p.match?.header ?? null, p.proposed])).toEqual([
      ["priority", "Priority", "received"],
      ["call_type_final", "Call Type", "received"],
      ["beat", null, "partly_received"],
    ]);
  });

  it("turns a withheld or denied field into received only on a column with its very name", () => {
    const proposals = proposeStates(
      [{ source: "Stops", headers: ["Outcome", "Disposition"], rows: [] }],
      [field("disposition", "Disposition", "withheld", ["outcome"]), field("call_disposition", "Call disposition", "denied", ["outcome"])],
    );
    expect(proposals.map((p) => [p.fieldId, p.match?.how ?? null, p.proposed])).toEqual([
      ["disposition", "exact", "received"],
      ["call_disposition", "synonym", "denied"],
    ]);
  });

  it("looks through every sheet, first match first", () => {
    const proposals = proposeStates(
      [
        { source: "Summary", headers: ["Total"], rows: [] },
        { source: "Calls", headers: ["PRIORITY"], rows: [] },
      ],
      [field("priority", "Priority", "not_yet")],
    );
    expect(proposals[0]!.match).toEqual({ header: "PRIORITY", source: "Calls", how: "exact" });
  });
});
