import { describe, expect, it } from "vitest";
import { buildUsMap, projectLonLat, usStateShapes } from "~/domain/us-map.server";
import { cellLabel } from "~/domain/us-map";

const inside = (p: [number, number] | null, bbox: [[number, number], [number, number]]) =>
  p !== null && p[0] >= bbox[0][0] && p[0] <= bbox[1][0] && p[1] >= bbox[0][1] && p[1] <= bbox[1][1];

describe("the US map", () => {
  it("draws every state and DC as one path each, computed once", () => {
    const shapes = usStateShapes();
    expect(shapes.states.length).toBeGreaterThanOrEqual(51);
    expect(new Set(shapes.states.map((s) => s.code)).size).toBe(shapes.states.length);
    for (const s of shapes.states) expect(s.d).toMatch(/^M[\d.-]+,[\d.-]+/);
    expect(shapes.byCode.get("CA")?.name).toBe("California");
    expect(usStateShapes()).toBe(shapes);
  });

  it("serves the outlines as one SVG file named by state code, at an address that changes with its content", async () => {
    const shapes = usStateShapes();
    for (const s of shapes.states) expect(shapes.svg).toContain(`<path id="${s.code}" d="${s.d}"/>`);
    expect(shapes.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 975 610">/);
    expect(shapes.svg).toContain(`<path id="borders" d="M`);
    expect(shapes.svg).not.toMatch(/fill=|stroke=/); // the page's <use> styles each copy
    expect(shapes.href).toMatch(/^\/map\/states\.svg\?v=[0-9a-f]{16}$/);
    const { loader } = await import("~/routes/map.states[.]svg");
    const current = loader({ request: new Request(`http://localhost${shapes.href}`), params: {}, context: {} });
    expect(current.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(current.headers.get("Cache-Control")).toContain("immutable");
    expect(await current.text()).toBe(shapes.svg);
    const stale = loader({ request: new Request("http://localhost/map/states.svg?v=0000"), params: {}, context: {} });
    expect(stale.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(buildUsMap([]).shapes).toBe(shapes.href);
  });

  it("projects a city into its own state's box (and not its neighbour's)", () => {
    const { byCode } = usStateShapes();
    const oakland = projectLonLat(-122.2711, 37.8044);
    expect(inside(oakland, byCode.get("CA")!.bbox)).toBe(true);
    expect(inside(oakland, byCode.get("TX")!.bbox)).toBe(false);
    expect(inside(projectLonLat(-97.7431, 30.2672), byCode.get("TX")!.bbox)).toBe(true); // Austin
    expect(inside(projectLonLat(-149.9003, 61.2181), byCode.get("AK")!.bbox)).toBe(true); // Anchorage, in the inset
    expect(inside(projectLonLat(-157.8583, 21.3069), byCode.get("HI")!.bbox)).toBe(true); // Honolulu, in the inset
    expect(projectLonLat(2.35, 48.85)).toBeNull(); // Paris is not on the map
  });

  it("places located agencies as dots and counts the others on their state", () => {
    const map = buildUsMap([
      { stateCode: "CA", latitude: 37.8044, longitude: -122.2711, category: "body_cameras", label: "Oakland PD" },
      { stateCode: "OR", latitude: null, longitude: null, category: "records_management", label: "Lane County SO" },
      { stateCode: "OR", latitude: null, longitude: null, category: "records_management", label: "Eugene PD" },
      { stateCode: "GU", latitude: null, longitude: null, category: "other", label: "Guam PD" },
    ]);
    expect(map.dots).toHaveLength(1);
    expect(map.dots[0]).toMatchObject({ category: "body_cameras", label: "Oakland PD" });
    const ca = map.states.find((s) => s.code === "CA")!;
    const or = map.states.find((s) => s.code === "OR")!;
    expect(ca).toMatchObject({ total: 1, unlocated: 0, shade: 0, byCategory: { body_cameras: 1 } });
    expect(or).toMatchObject({ total: 2, unlocated: 2, shade: 2, byCategory: { records_management: 2 } });
    expect(map.unmapped).toEqual({ other: 1 });
    expect(map.states.filter((s) => s.total > 0).map((s) => s.code)).toEqual(["CA", "OR"]);
  });
});

describe("map cells", () => {
  it("counts a point standing for several agencies as that many, on its state and in its dot", () => {
    const map = buildUsMap([
      { stateCode: "CA", latitude: 37.85, longitude: -122.28, category: "body_cameras", label: "Berkeley PD and Emeryville PD", count: 2 },
      { stateCode: "OR", latitude: null, longitude: null, category: "records_management", label: "Lane County SO, Eugene PD, Springfield PD and 2 more", count: 5 },
      { stateCode: "GU", latitude: null, longitude: null, category: "other", label: "Guam PD", count: 3 },
    ]);
    expect(map.dots).toEqual([expect.objectContaining({ count: 2, label: "Berkeley PD and Emeryville PD" })]);
    expect(map.states.find((s) => s.code === "CA")).toMatchObject({ total: 2, unlocated: 0 });
    expect(map.states.find((s) => s.code === "OR")).toMatchObject({ total: 5, unlocated: 5, byCategory: { records_management: 5 } });
    expect(map.unmapped).toEqual({ other: 3 });
  });

  it("labels a cell by its first names and how many more", () => {
    expect(cellLabel(1, ["Eugene PD"])).toBe("Eugene PD");
    expect(cellLabel(2, ["Eugene PD", "Lane County SO"])).toBe("Eugene PD and Lane County SO");
    expect(cellLabel(3, ["A", "B", "C"])).toBe("A, B and C");
    expect(cellLabel(12, ["A", "B", "C"])).toBe("A, B, C and 9 more");
  });
});
