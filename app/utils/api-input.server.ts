import { apiError } from "./responses.server";

/**
 * The JSON object a write endpoint was sent, or the error Response to answer with: 415 when it is not JSON,
 * 400 when it does not parse or is not an object. (Size, depth and unstorable characters are refused before
 * this, by the server's request guard.)
 */
export async function readJsonObject(request: Request): Promise<{ body: Record<string, unknown> } | { error: Response }> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    return { error: apiError(415, "Send the body as JSON with Content-Type: application/json.") };
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { error: apiError(400, "The body is not valid JSON.") };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { error: apiError(400, "The body must be a JSON object.", { body: ["Must be a JSON object"] }) };
  return { body: body as Record<string, unknown> };
}
