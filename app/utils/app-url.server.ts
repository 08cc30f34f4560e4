import { env } from "./env.server";

/**
 * The app's public address (APP_URL, default http://localhost:PORT), without a trailing slash: the one base of
 * every absolute URL the app gives out (links in mail, the public JSON, calendar feeds). Never the request's
 * Host or X-Forwarded-Host, which a client chooses.
 */
export function appUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
