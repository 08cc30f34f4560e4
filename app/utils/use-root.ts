import { useRouteLoaderData } from "@remix-run/react";
import { requestReference } from "~/domain/request-reference";
import type { RootData } from "~/root";

/** Today's date in the organization's time zone, as the server saw it for this page. */
export function useToday(): string {
  return useRouteLoaderData<RootData>("root")?.today ?? new Date().toISOString().slice(0, 10);
}

export function useTimeZone(): string {
  return useRouteLoaderData<RootData>("root")?.timeZone ?? "UTC";
}

/** Names the signed-in organization's own requests ("TRC-12"), for pages that list only its own. */
export function useOwnRequestReference(): (number: number) => string {
  const organizationCode = useRouteLoaderData<RootData>("root")?.viewer?.organizationCode ?? "";
  return (number) => requestReference({ organizationCode, number });
}
