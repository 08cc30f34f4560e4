import { stringify } from "csv-stringify/sync";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { spreadsheetSafe } from "./csv";
import type { RequestFilters } from "./request-input";
import { requestReference } from "./request-reference";
import { STATUS_LABELS } from "./request-status";
import { matchingRequestBatches, type RequestExportRow } from "./requests.server";

// The requests list as CSV: every request the list shows for the same filters (the same plan, so the same
// visibility rule), in the list's order, streamed batch by batch (keyset reads of EXPORT_BATCH_SIZE rows), so
// memory stays flat however many rows there are. Every cell is formula-safe (csv.ts).

export const EXPORT_BATCH_SIZE = 1000;

export const EXPORT_HEADER = ["Number", "Title", "Agency", "State", "Status", "Filed", "Due", "Assignee", "Tags", "Tracking number", "Updated", "URL"] as const;

export function exportRecord(row: RequestExportRow, baseUrl: string): string[] {
  return [
    requestReference(row),
    row.title,
    row.agencyName ?? row.vendorName ?? "",
    row.stateCode ?? "",
    STATUS_LABELS[row.status],
    row.filedOn ?? "",
    row.dueOn ?? "",
    row.assigneeName ?? "",
    row.tags.join("; "),
    row.trackingNumber ?? "",
    row.updatedAt.toISOString(),
    `${baseUrl}/requests/${row.id}`,
  ].map(spreadsheetSafe);
}

const csvLines = (records: readonly (readonly string[])[]) => stringify(records as string[][], { record_delimiter: "\r\n" });

/**
 * The CSV as a stream of bytes: the header (after a byte-order mark, so spreadsheet apps read UTF-8), then one
 * chunk per batch, each read when the client is ready for more. `onRow` counts rows as they go.
 */
export function requestsCsvStream(
  viewer: Viewer,
  filters: Partial<RequestFilters>,
  options: { baseUrl: string; batchSize?: number; onDone?: (rows: number) => void },
  db: Executor = defaultDb,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = matchingRequestBatches(viewer, filters, { batchSize: options.batchSize ?? EXPORT_BATCH_SIZE }, db);
  let started = false;
  let rows = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLines([EXPORT_HEADER.map(spreadsheetSafe)])}`));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          options.onDone?.(rows);
          controller.close();
          return;
        }
        rows += next.value.length;
        if (next.value.length) controller.enqueue(encoder.encode(csvLines(next.value.map((r) => exportRecord(r, options.baseUrl)))));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
