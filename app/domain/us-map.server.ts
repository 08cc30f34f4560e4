import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { geoAlbersUsa, geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { MapData, MapPoint } from "./us-map";

// The US map drawn on the server: the Census Bureau's state shapes from us-atlas (already projected to Albers
// USA, 975×610), turned into SVG path strings once per process and served as one cached SVG file the pages <use>. Agencies with a directory location become dots,
// projected with the same Albers USA the file was made with; those without one shade their state.

/** FIPS state code → USPS code (the 50 states and DC that us-atlas draws). */
const FIPS_TO_USPS: Record<string, string> = {
  "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC", "12": "FL",
  "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME",
  "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
  "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
  "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI",
  "56": "WY", "72": "PR",
};

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

export interface StateShape {
  code: string;
  name: string;
  /** The SVG path of the state, in the map's 975×610 coordinates. */
  d: string;
  /** [[x0, y0], [x1, y1]] in map coordinates. */
  bbox: [[number, number], [number, number]];
}

interface Shapes {
  states: StateShape[];
  /** Inner state borders as one path (drawn over the fills). */
  borders: string;
  byCode: Map<string, StateShape>;
  /** Every outline in one SVG document (a path per state, id = its code, and one id="borders"), and its address. */
  svg: string;
  href: string;
}

/** Where the outlines are served (routes/map.states[.]svg.ts); the query is the content's hash, so it is cached for good. */
export const STATE_SHAPES_PATH = "/map/states.svg";

let cached: Shapes | null = null;

/** The state shapes as path strings, computed on first use and kept for the life of the process. */
export function usStateShapes(): Shapes {
  if (cached) return cached;
  // Read at run time (not imported): the server bundle leaves node_modules out, and Node needs an import
  // attribute for JSON that the Remix compiler does not write.
  const topology = createRequire(import.meta.url)("us-atlas/states-albers-10m.json") as Topology<{ states: GeometryCollection<{ name: string }>; nation: GeometryCollection }>;
  const path = geoPath(null);
  const collection = feature(topology, topology.objects.states) as unknown as { features: Array<Feature<Geometry, { name: string }>> };
  const states = collection.features
    .map((f): StateShape | null => {
      const code = FIPS_TO_USPS[String(f.id)];
      const d = path(f);
      if (!code || !d) return null;
      return { code, name: f.properties.name, d: roundPath(d), bbox: path.bounds(f) as StateShape["bbox"] };
    })
    .filter((s): s is StateShape => s !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  const borders = roundPath(path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? "");
  // No fill or stroke on the paths: each <use> of the page styles its copy (fills inherit into it).
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">` +
    states.map((s) => `<path id="${s.code}" d="${s.d}"/>`).join("") +
    `<path id="borders" d="${borders}"/></svg>`;
  const href = `${STATE_SHAPES_PATH}?v=${createHash("sha256").update(svg).digest("hex").slice(0, 16)}`;
  cached = { states, borders, byCode: new Map(states.map((s) => [s.code, s])), svg, href };
  return cached;
}

/** One decimal is a tenth of a pixel at full size: enough, and it halves the HTML. */
function roundPath(d: string): string {
  return d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);

/** A longitude/latitude on the map (Albers USA as us-atlas made it), or null outside the lower 48, Alaska and Hawaii. */
export function projectLonLat(longitude: number, latitude: number): [number, number] | null {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return null;
  const p = projection([longitude, latitude]);
  return p ? [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10] : null;
}

/** Shading steps for states by the number of agencies without a location there. */
function shadeOf(count: number): 0 | 1 | 2 | 3 {
  if (count <= 0) return 0;
  if (count === 1) return 1;
  if (count < 5) return 2;
  return 3;
}

/**
 * The map of some agencies: a dot per agency with a location (in its category's colour), the rest counted on
 * their state, and per state the counts by category (for the table beside the map).
 */
export function buildUsMap<C extends string>(points: ReadonlyArray<MapPoint<C>>): MapData<C> {
  const shapes = usStateShapes();
  const perState = new Map<string, { total: number; unlocated: number; byCategory: Partial<Record<C, number>> }>();
  const dots: MapData<C>["dots"] = [];
  const unmapped: Partial<Record<C, number>> = {};
  for (const p of points) {
    const xy = p.latitude != null && p.longitude != null ? projectLonLat(p.longitude, p.latitude) : null;
    const code = p.stateCode && shapes.byCode.has(p.stateCode) ? p.stateCode : null;
    const n = p.count ?? 1;
    if (!code && !xy) {
      unmapped[p.category] = (unmapped[p.category] ?? 0) + n;
      continue;
    }
    if (code) {
      const entry = perState.get(code) ?? { total: 0, unlocated: 0, byCategory: {} as Partial<Record<C, number>> };
      entry.total += n;
      entry.byCategory[p.category] = (entry.byCategory[p.category] ?? 0) + n;
      if (!xy) entry.unlocated += n;
      perState.set(code, entry);
    }
    if (xy) dots.push({ x: xy[0], y: xy[1], category: p.category, label: p.label, count: n });
  }
  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    shapes: shapes.href,
    states: shapes.states.map((s) => {
      const entry = perState.get(s.code);
      return {
        code: s.code,
        name: s.name,
        total: entry?.total ?? 0,
        unlocated: entry?.unlocated ?? 0,
        shade: shadeOf(entry?.unlocated ?? 0),
        byCategory: entry?.byCategory ?? {},
      };
    }),
    dots,
    unmapped,
  };
}
