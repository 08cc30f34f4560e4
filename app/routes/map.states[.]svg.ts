import type { LoaderFunctionArgs } from "@remix-run/node";
import { usStateShapes } from "~/domain/us-map.server";

/**
 * GET /map/states.svg: the US state outlines the maps draw with <use> (a path per state, id = its code, and
 * "borders"). Public data (the Census Bureau's shapes), no sign-in. Pages link it with ?v=<hash of the content>,
 * so a browser keeps it for good; any other address is answered too but cached briefly.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const shapes = usStateShapes();
  const current = new URL(request.url).search === new URL(shapes.href, "http://x").search;
  return new Response(shapes.svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
