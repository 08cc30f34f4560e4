import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id } from "./columns";
import { FILE_KINDS } from "./field-values";
import { communications, requests } from "./requests";

export const fileKind = pgEnum("file_kind", FILE_KINDS);

/**
 * A file received for a request. The row is written only once the bytes are on disk, flushed and renamed
 * to their final name, so every row points at a complete file. Files are immutable (only who may see one changes): no updated_at.
 */
export const requestFiles = pgTable(
  "request_files",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    communicationId: uuid("communication_id").references(() => communications.id, { onDelete: "set null" }),
    originalName: text("original_name").notNull(),
    // Server-generated name under FILES_DIR; never derived from anything the client sent.
    storageName: text("storage_name").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    mediaType: text("media_type").notNull(),
    kind: fileKind("kind").notNull(),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    // Seen only by the request's organization, even when the request is shared or public.
    internal: boolean("internal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("request_files_checksum_unique").on(t.requestId, t.sha256),
    uniqueIndex("request_files_storage_unique").on(t.storageName),
    index("request_files_request_idx").on(t.requestId, t.createdAt),
  ],
);
