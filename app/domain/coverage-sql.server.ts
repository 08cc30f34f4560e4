import { sql } from "drizzle-orm";
import { requestFields, requests } from "../../db/schema";

// Coverage of a request as SQL columns, so a list of requests gets it in the same query (two index-only
// lookups per row on request_fields(request_id, state)).

export const coverageColumns = {
  coverageReceived: sql<number>`(select count(*) from ${requestFields} where ${requestFields.requestId} = ${requests.id} and ${requestFields.state} = 'received')`.mapWith(Number),
  coverageTotal: sql<number>`(select count(*) from ${requestFields} where ${requestFields.requestId} = ${requests.id})`.mapWith(Number),
};
