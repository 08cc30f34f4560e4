import { describe, expect, it } from "vitest";
import {
  describePeriod,
  filtersQuery,
  formatPercent,
  onTimeRate,
  parseAnalyticsFilters,
  periodInCalendarDays,
  quantile,
  quantileOfHistogram,
  responseDays,
  share,
  toCsv,
} from "~/domain/analytics";

describe("quantile (as Postgres percentile_cont)", () => {
  it("interpolates between the nearest values", () => {
    const days = [4, 4, 14, 30];
    expect(quantile(days, 0.25)).toBe(4);
    expect(quantile(days, 0.5)).toBe(9);
    expect(quantile(days, 0.75)).toBe(18);
    expect(quantile([1, 3, 4, 4, 14, 30], 0.25)).toBe(3.25);
    expect(quantile([1, 3, 4, 4, 14, 30], 0.75)).toBe(11.5);
  });
  it("gives the one value for one, and null for none", () => {
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe("quantileOfHistogram (the rollups' medians and quartiles)", () => {
  it("equals quantile() of the values the histogram counts, for random histograms", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    for (let round = 0; round < 500; round += 1) {
      const bins: [number, number][] = [];
      const values: number[] = [];
      for (let i = Math.floor(random() * 6); i > 0; i -= 1) {
        const value = Math.floor(random() * 80) - 5; // negative days happen (an answer dated before receipt)
        const n = Math.floor(random() * 4); // zero counts are left in the arrays between folds
        bins.push([value, n]); // values may repeat across bins, in any order
        for (let k = 0; k < n; k += 1) values.push(value);
      }
      values.sort((x, y) => x - y);
      for (const p of [0.25, 0.5, 0.75]) expect(quantileOfHistogram(bins, p), JSON.stringify({ bins, p })).toBe(quantile(values, p));
    }
  });
  it("interpolates as percentile_cont, and gives null for no values", () => {
    expect(quantileOfHistogram([[30, 1], [4, 2], [14, 1]], 0.5)).toBe(9);
    expect(quantileOfHistogram([[4, 2], [14, 1], [30, 1]], 0.75)).toBe(18);
    expect(quantileOfHistogram([[5, 0]], 0.5)).toBeNull();
    expect(quantileOfHistogram([], 0.5)).toBeNull();
  });
});

describe("responseDays", () => {
  it("counts calendar days from receipt", () => {
    expect(responseDays("2026-03-02", "2026-03-06", [])).toBe(4);
    expect(responseDays("2026-02-26", "2026-03-02", [])).toBe(4);
  });
  it("leaves out the days the clock was paused before the answer", () => {
    expect(responseDays("2026-03-02", "2026-03-13", [{ from: "2026-03-04", to: "2026-03-11" }])).toBe(4);
    // Still paused when the answer came: paused until the answer.
    expect(responseDays("2026-03-02", "2026-03-13", [{ from: "2026-03-10", to: null }])).toBe(8);
    // A pause after the answer doesn't count.
    expect(responseDays("2026-03-02", "2026-03-06", [{ from: "2026-03-08", to: "2026-03-10" }])).toBe(4);
  });
});

describe("rates and shares", () => {
  it("on-time rate is on time over those due", () => {
    expect(onTimeRate(3, 2)).toBe(0.6);
    expect(onTimeRate(0, 0)).toBeNull();
    expect(formatPercent(onTimeRate(3, 2))).toBe("60%");
    expect(formatPercent(null)).toBe("–");
    expect(share(1, 3)).toBeCloseTo(1 / 3);
  });
  it("statutory periods", () => {
    expect(describePeriod(5, "business")).toBe("5 business days");
    expect(describePeriod(1, "calendar")).toBe("1 calendar day");
    expect(describePeriod(null, "none")).toBe("no fixed period");
    expect(periodInCalendarDays(5, "business")).toBe(7);
    expect(periodInCalendarDays(10, "calendar")).toBe(10);
    expect(periodInCalendarDays(null, "none")).toBeNull();
  });
});

describe("filters", () => {
  it("reads empty values as any and refuses unknown ones with the field named", () => {
    const ok = parseAnalyticsFilters(new URLSearchParams("from=&state=PA&agencyType=police"));
    expect(ok.success && ok.data).toEqual({ state: "PA", agencyType: "police" });
    const bad = parseAnalyticsFilters(new URLSearchParams("agencyType=spies&vendor=x&from=2026-05-01&to=2026-01-01"));
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["agencyType", "vendor"]));
  });
  it("writes a query string without empty values", () => {
    expect(filtersQuery({ state: "PA", vendor: undefined })).toBe("?state=PA");
    expect(filtersQuery({})).toBe("");
  });
});

describe("toCsv", () => {
  it("quotes, neutralises formulas and ends lines with CRLF", () => {
    expect(toCsv(["Agency", "Median"], [["=HYPERLINK(\"x\")", 9], ["A, B", 2.5]])).toBe(
      'Agency,Median\r\n"\'=HYPERLINK(""x"")",9\r\n"A, B",2.50\r\n',
    );
  });
});
