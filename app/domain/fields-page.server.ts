import { db as defaultDb, type Executor } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { can } from "./permissions";
import { listCatalog } from "./catalog.server";
import { getRequestFields } from "./fields.server";
import { listAttachableCommunications, listRequestFiles } from "./files.server";

/** Everything the fields-and-files section of a request page shows; null when the request isn't visible. */
export async function loadFieldsAndFiles(viewer: Viewer, requestId: string, db: Executor = defaultDb) {
  const fields = await getRequestFields(viewer, requestId, db);
  if (!fields) return null;
  const [files, communications, catalog] = await Promise.all([
    listRequestFiles(viewer, requestId, db),
    listAttachableCommunications(viewer, requestId, db),
    listCatalog(viewer, db),
  ]);
  // The forms are for the request's own organization, and for roles that may change it.
  const owned = fields.organizationId === viewer.organizationId;
  const canChange = owned && can(viewer, "request.edit");
  const canUpload = owned && can(viewer, "request.edit");
  return { requestId, ...fields, files, communications, catalog, owned, canChange, canUpload };
}
export type FieldsAndFilesData = NonNullable<Awaited<ReturnType<typeof loadFieldsAndFiles>>>;
