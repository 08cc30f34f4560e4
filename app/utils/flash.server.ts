import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { cookieSecure } from "./env.server";
import { sessionSecret } from "./secrets.server";

export interface Flash {
  kind: "success" | "error";
  message: string;
}

type FlashStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { flash: Flash }>>;
let storage: FlashStorage | undefined;
function flashStorage() {
  return (storage ??= createCookieSessionStorage<Record<string, never>, { flash: Flash }>({
    cookie: {
      name: "jointask_flash",
      httpOnly: true,
      sameSite: "lax",
      secure: cookieSecure,
      path: "/",
      secrets: [sessionSecret()],
    },
  }));
}

/** The Set-Cookie value that carries a one-time message to the next page. */
export async function flashCookie(flash: Flash): Promise<string> {
  const session = await flashStorage().getSession();
  session.flash("flash", flash);
  return flashStorage().commitSession(session);
}

/** Redirect after a successful change, with a one-time message for the next page. */
export async function redirectWithFlash(to: string, flash: Flash, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie(flash));
  return redirect(to, { ...init, headers });
}

/** Reads (and clears) the pending message; send the returned header back with the response. */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const session = await flashStorage().getSession(request.headers.get("Cookie"));
  const flash = (session.get("flash") as Flash | undefined) ?? null;
  if (!flash) return { flash: null, setCookie: null };
  return { flash, setCookie: await flashStorage().commitSession(session) };
}
