import { json } from "@remix-run/node";
import { openApiDocument } from "~/domain/openapi.server";
import { appUrl } from "~/utils/app-url.server";

/** GET /api/v1/openapi.json: the API as an OpenAPI 3.1 document, generated from the routes' zod schemas. No sign-in. */
export function loader() {
  return json(openApiDocument(new URL(appUrl()).origin, new Date().toISOString().slice(0, 10)), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
