import { useRouteLoaderData } from "@remix-run/react";
import { can, type Permission } from "~/domain/permissions";
import type { RootData } from "~/root";

/** Whether the signed-in user's role allows it: for hiding controls; the server enforces the same table. */
export function useCan(permission: Permission): boolean {
  return can(useRouteLoaderData<RootData>("root")?.viewer, permission);
}
