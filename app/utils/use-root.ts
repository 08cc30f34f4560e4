import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";

/** Today's date in the organization's time zone, as the server saw it for this page. */
export function useToday(): string {
  return useRouteLoaderData<RootData>("root")?.today ?? new Date().toISOString().slice(0, 10);
}

export function useTimeZone(): string {
  return useRouteLoaderData<RootData>("root")?.timeZone ?? "UTC";
}
