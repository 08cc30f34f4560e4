import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/domain/audit.server";
import { getViewer, signOut } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";

// Signing out changes state, so it is a POST; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) {
    await recordAudit(db, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "auth.sign_out",
      targetType: "user",
      targetId: viewer.id,
      ipAddress: clientAddressOf(context),
    });
  }
  return signOut(request);
}
