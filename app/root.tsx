import "~/utils/zod-jitless";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import stylesheet from "~/styles/app.css";
import { getViewer } from "~/utils/auth.server";
import { takeFlash } from "~/utils/flash.server";
import { todayIn } from "~/utils/dates";
import { chaseCounts } from "~/domain/chase.server";
import { can } from "~/domain/permissions";
import { useNonce } from "~/utils/nonce";
import { isIndexablePath } from "~/utils/indexing";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const { flash, setCookie } = await takeFlash(request);
  const today = todayIn(viewer?.timeZone ?? "America/New_York");
  const chase = viewer ? await chaseCounts(viewer, today) : null;
  return json(
    {
      viewer: viewer
        ? { name: viewer.name, organizationName: viewer.organizationName, role: viewer.role }
        : null,
      today,
      chase,
      timeZone: viewer?.timeZone ?? "America/New_York",
      flash,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export type RootData = typeof loader;

/** On a phone the menu scrolls sideways: keep the current page's item in view after each navigation. */
function useCurrentMenuItemInView(pathname: string) {
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = menu.current;
    const current = list?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const item = current.parentElement ?? current;
    if (item.offsetLeft < list.scrollLeft || item.offsetLeft + item.offsetWidth > list.scrollLeft + list.clientWidth) {
      list.scrollLeft = item.offsetLeft - list.clientWidth / 2 + item.offsetWidth / 2;
    }
  }, [pathname]);
  return menu;
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const viewer = data?.viewer;
  const nonce = useNonce();
  const { pathname } = useLocation();
  const menu = useCurrentMenuItemInView(pathname);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {isIndexablePath(pathname) ? null : <meta name="robots" content="noindex, nofollow" />}
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link to={viewer ? "/" : "/login"} className="brand">
              Joint<span>Ask</span>
            </Link>
            {viewer ? (
              <>
                <nav aria-label="Main">
                  <ul className="nav" ref={menu}>
                    <li>
                      <NavLink to="/" end>
                        My week
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/requests">Requests</NavLink>
                    </li>
                    <li>
                      <NavLink to="/chase">
                        Chase{" "}
                        {data?.chase && data.chase.attention > 0 ? (
                          <span className="nav-count">
                            {data.chase.attention}
                            <span className="visually-hidden"> need attention</span>
                          </span>
                        ) : null}
                      </NavLink>
                    </li>
                    <li>
                      <NavLink to="/agencies">Agencies</NavLink>
                    </li>
                    <li>
                      <NavLink to="/jurisdictions">Jurisdictions</NavLink>
                    </li>
                    <li>
                      <NavLink to="/laws">Laws</NavLink>
                    </li>
                    <li>
                      <NavLink to="/catalog">Catalog</NavLink>
                    </li>
                    <li>
                      <NavLink to="/outbox">Mail</NavLink>
                    </li>
                    {can(viewer, "users.manage") ? (
                      <li>
                        <NavLink to="/admin/users">Users</NavLink>
                      </li>
                    ) : null}
                    <li>
                      <NavLink to="/vendors">Vendors</NavLink>
                    </li>
                    <li>
                      <NavLink to="/campaigns">Joint asks</NavLink>
                    </li>
                    <li>
                      <NavLink to="/coalition">Coalition</NavLink>
                    </li>
                    <li>
                      <NavLink to="/analytics">Analytics</NavLink>
                    </li>
                  </ul>
                </nav>
                <div className="account">
                  <Link to="/account">
                    {viewer.name} · {viewer.organizationName}
                  </Link>
                  <Form method="post" action="/logout">
                    <button type="submit" className="button button--quiet">
                      Sign out
                    </button>
                  </Form>
                </div>
              </>
            ) : (
              <nav aria-label="Public">
                <ul className="nav">
                  <li>
                    <NavLink to="/r">Public requests</NavLink>
                  </li>
                  <li>
                    <NavLink to="/deadlines">Deadline calculator</NavLink>
                  </li>
                  <li>
                    <NavLink to="/login">Sign in</NavLink>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <Shell>{children}</Shell>;
}

export default function App() {
  const { flash } = useLoaderData<typeof loader>();
  return (
    <>
      {flash ? (
        <div className={`flash flash--${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
          {flash.message}
        </div>
      ) : null}
      <Outlet />
    </>
  );
}

const ERROR_TEXT: Record<number, { title: string; body: string }> = {
  400: { title: "That request could not be understood", body: "Check the address or the form and try again." },
  403: { title: "You don't have access to this", body: "Ask an admin of your organization if you need it." },
  404: {
    title: "Page not found",
    body: "There is nothing here, or it belongs to another organization. Check the address, or go back to your requests.",
  },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = ERROR_TEXT[status] ?? {
    title: "Something went wrong",
    body: "The error has been logged. Try again in a moment; if it keeps happening, tell us what you were doing.",
  };
  return (
    <div className="card" role="alert">
      <p className="muted small">Error {status}</p>
      <h1>{text.title}</h1>
      {status === 403 && isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? <p>{error.data}</p> : null}
      <p>{text.body}</p>
      <p>
        <Link to="/requests">Go to requests</Link>
      </p>
    </div>
  );
}
