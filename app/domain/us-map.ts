import { SYSTEM_TYPES, type RequestStatus, type SystemType } from "../../db/schema/values";
import { SYSTEM_TYPE_LABELS } from "./vendor-input";
import { STATUS_TONES, type StatusTone } from "./request-status";

// What the server-rendered US map hands to React (plain data; the outlines stay in a cached SVG file), and the categories its
// dots are coloured by. The shapes themselves are computed in us-map.server.ts.

/** One agency to put on the map: at its directory location when it has one, else counted on its state. */
export interface MapPoint<C extends string = string> {
  stateCode: string | null;
  latitude: number | null;
  longitude: number | null;
  category: C;
  label: string;
  /** How many agencies the point stands for (a map cell's); 1 when absent. */
  count?: number;
}

export interface MapState<C extends string = string> {
  code: string;
  name: string;
  total: number;
  /** Agencies there without a directory location: they shade the state. */
  unlocated: number;
  shade: 0 | 1 | 2 | 3;
  byCategory: Partial<Record<C, number>>;
}

export interface MapData<C extends string = string> {
  width: number;
  height: number;
  /**
   * Where the state outlines are: one cached SVG file (its address carries a hash of its content) whose paths
   * are named by state code, plus "borders". The page draws them with <use>, so no outline is in the HTML or the
   * loader data.
   */
  shapes: string;
  states: Array<MapState<C>>;
  /** count: how many agencies the dot stands for. */
  dots: Array<{ x: number; y: number; category: C; label: string; count: number }>;
  /** Agencies with neither a drawable state nor a location (territories, no state recorded). */
  unmapped: Partial<Record<C, number>>;
}

/** A category of the legend: its key, the colour class index and its words. */
export interface MapCategory<C extends string = string> {
  key: C;
  colour: number;
  label: string;
}

export const SYSTEM_TYPE_COLOURS: Record<SystemType, number> = {
  records_management: 0,
  computer_aided_dispatch: 1,
  mobile: 2,
  body_cameras: 3,
  gunshot_detection: 4,
  license_plate_readers: 5,
  early_intervention: 6,
  jail_management: 7,
  records_request_portal: 8,
  other: 9,
};

/** Request statuses on the map are grouped by their tone: seven colours a person can tell apart. */
export const STATUS_TONE_LABELS: Record<StatusTone, string> = {
  neutral: "Draft",
  info: "Filed, waiting for an answer",
  waiting: "Needs action (clarification, fee, appeal)",
  partial: "Partly fulfilled",
  success: "Fulfilled",
  danger: "Denied or in litigation",
  muted: "No records or withdrawn",
};

const TONE_ORDER: StatusTone[] = ["success", "partial", "info", "waiting", "danger", "muted", "neutral"];
const TONE_COLOURS: Record<StatusTone, number> = { success: 10, partial: 11, info: 12, waiting: 13, danger: 14, muted: 15, neutral: 16 };

/** "Eugene PD", "Eugene PD and Lane County SO", "Eugene PD, Lane County SO, Springfield PD and 9 more". */
export function cellLabel(count: number, names: readonly string[]): string {
  if (count <= 1) return names[0] ?? "";
  if (count === 2 && names.length === 2) return `${names[0]} and ${names[1]}`;
  if (count === 3 && names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names.slice(0, 3).join(", ")} and ${count - Math.min(3, names.length)} more`;
}

export function toneOfStatus(status: RequestStatus): StatusTone {
  return STATUS_TONES[status];
}

export const STATUS_MAP_CATEGORIES: Array<MapCategory<StatusTone>> = TONE_ORDER.map((t) => ({ key: t, colour: TONE_COLOURS[t], label: STATUS_TONE_LABELS[t] }));

export const SYSTEM_TYPE_MAP_CATEGORIES: Array<MapCategory<SystemType>> = SYSTEM_TYPES.map((t) => ({ key: t, colour: SYSTEM_TYPE_COLOURS[t], label: SYSTEM_TYPE_LABELS[t] }));
