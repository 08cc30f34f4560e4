/**
 * The law table: one rule per jurisdiction, derived from the reference data (reference/jurisdictions), which
 * the seed loads into the database. The numbers the engine counts with come first; `details` carries the
 * receipt, extension, appeal and deemed-denial rules; the full facts with their sources stay in the reference.
 */
import { JURISDICTION_REFERENCES } from "./reference";
import type { ExtensionRule, JurisdictionReference, Source } from "./reference/types";
import type { Confidence, ExtensionDetails, LawRule } from "./types";

function extensionDetails(rule: ExtensionRule): ExtensionDetails {
  return {
    kind: rule.kind,
    days: rule.days,
    dayType: rule.days === null ? null : rule.dayType,
    countsFrom: rule.countsFrom,
    repeatable: rule.repeatable,
    cap: rule.cap ? { days: rule.cap.days, dayType: rule.cap.dayType, countsFrom: rule.cap.countsFrom } : null,
    cite: rule.source?.cite ?? null,
  };
}

/**
 * High only when the period, the calendar's basis and weekend rule were all read in primary law and nothing
 * about the law or the calendar is left unverified; medium when the period itself was read in primary law.
 */
export function confidenceOf(reference: JurisdictionReference): Confidence {
  const { law, calendar } = reference;
  const periodPrimary = law.response.source.primary;
  if (
    periodPrimary &&
    calendar.basis.source.primary &&
    calendar.weekend.source.primary &&
    law.unverified.length === 0 &&
    calendar.unverified.length === 0
  ) {
    return "high";
  }
  return periodPrimary ? "medium" : "low";
}

function sourceText(source: Source | null): string {
  if (!source) return "";
  return `${source.cite}${source.primary ? "" : " (secondary)"}`;
}

export function lawRuleFromReference(reference: JurisdictionReference): LawRule {
  const { law } = reference;
  const { response, extension, appeal, acknowledgement } = law;
  const unilateral = extension.kind === "unilateral" && extension.days !== null;
  const extensionKindText: Record<ExtensionRule["kind"], string> = {
    none: "No extension.",
    unilateral: "The agency may extend by notice.",
    requester_consent: "Extension only with the requester's consent.",
    petition: "Extension only by petition to another body.",
  };
  return {
    jurisdiction: law.jurisdiction,
    lawName: law.lawName,
    citation: law.citation,
    responseDays: response.days,
    dayType: response.days === null ? "none" : response.dayType,
    responseCountsFrom: response.countsFrom,
    extensionDays: unilateral ? extension.days : null,
    extensionDayType: unilateral ? (extension.dayType ?? "calendar") : null,
    extensionNote: [extensionKindText[extension.kind], extension.note, sourceText(extension.source)].filter(Boolean).join(" "),
    appealNote: [`Appeal to ${appeal.body}.`, appeal.note, sourceText(appeal.source)].filter(Boolean).join(" "),
    acknowledgementDays: acknowledgement?.days ?? null,
    acknowledgementDayType: acknowledgement ? acknowledgement.dayType : null,
    appealDays: appeal.days,
    appealDayType: appeal.days === null ? null : (appeal.dayType ?? "calendar"),
    source: `${response.source.cite} — ${response.source.url}`,
    confidence: confidenceOf(reference),
    details: {
      responseCite: response.source.cite,
      receipt: {
        closedDayDeemedNextBusinessDay: law.receipt.closedDayDeemedNextBusinessDay,
        afterHoursCutoff: law.receipt.afterHoursCutoff,
        electronicLagBusinessDays: law.receipt.electronicLagBusinessDays,
        cite: law.receipt.source?.cite ?? null,
      },
      responseVariants: (law.responseVariants ?? [])
        .filter((variant) => variant.appliesTo !== undefined)
        .map((variant) => ({
          appliesTo: variant.appliesTo!,
          days: variant.days,
          dayType: variant.days === null ? "none" : variant.dayType,
          countsFrom: variant.countsFrom,
          cite: variant.source.cite,
        })),
      extension: extensionDetails(extension),
      extensionVariants: (law.extensionVariants ?? [])
        .filter((variant) => variant.appliesTo !== undefined)
        .map((variant) => ({ ...extensionDetails(variant), appliesTo: variant.appliesTo! })),
      appeal: {
        body: appeal.body,
        bodyKind: appeal.bodyKind,
        address: appeal.address ?? null,
        countsFrom: appeal.countsFrom,
        cite: appeal.source?.cite ?? null,
      },
      deemedDenial: { applies: law.deemedDenial.applies, cite: law.deemedDenial.source?.cite ?? null },
    },
  };
}

const REFERENCES_BY_CODE: ReadonlyMap<string, JurisdictionReference> = new Map(
  JURISDICTION_REFERENCES.map((reference) => [reference.law.jurisdiction, reference]),
);

/** The reference (calendar, law facts with sources, hand-counted cases) of "US", "DC" or a state. */
export function referenceFor(code: string): JurisdictionReference | undefined {
  return REFERENCES_BY_CODE.get(code);
}

/** Federal FOIA, DC and the 50 states, in code order. */
export const LAW_TABLE: readonly LawRule[] = [...JURISDICTION_REFERENCES]
  .sort((a, b) => a.law.jurisdiction.localeCompare(b.law.jurisdiction))
  .map(lawRuleFromReference);
