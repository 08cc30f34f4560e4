import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFor } from "~/domain/calendar-feed.server";
import { appUrl } from "~/utils/app-url.server";

/** GET /calendar/<secret>.ics: no session (calendar apps can't sign in); the secret is the credential. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const body = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await calendarFor(token, appUrl()) : null;
  if (!body) return new Response("No such calendar feed (it may have been revoked).", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}
