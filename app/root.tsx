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
        ? { name: viewer.name, organizationName: viewer.organizationName, organizationCode: viewer.organizationCode, role: viewer.role }
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

/** `section`: the other paths whose pages belong to the item (the mail pages are the outbox, the inbox and email settings). */
type NavItem = { to: string; label: string; end?: boolean; count?: number; section?: string[] };

function navItems(viewer: Parameters<typeof can>[0], attention: number): NavItem[] {
  if (!viewer) return [];
  const items: NavItem[] = [
    { to: "/", label: "My week", end: true },
    { to: "/requests", label: "Requests" },
    { to: "/chase", label: "Chase", count: attention },
    { to: "/agencies", label: "Agencies" },
    { to: "/jurisdictions", label: "Jurisdictions" },
    { to: "/laws", label: "Laws" },
    { to: "/catalog", label: "Catalog" },
    { to: "/outbox", label: "Mail", section: ["/inbox", "/settings/email"] },
  ];
  if (can(viewer, "users.manage")) items.push({ to: "/admin/users", label: "Users" });
  items.push(
    { to: "/vendors", label: "Vendors" },
    { to: "/campaigns", label: "Joint asks" },
    { to: "/coalition", label: "Coalition" },
    { to: "/analytics", label: "Analytics" },
  );
  return items;
}

function NavList({ items, className }: { items: NavItem[]; className: string }) {
  const { pathname } = useLocation();
  const inSection = (item: NavItem) => item.section?.some((path) => pathname === path || pathname.startsWith(`${path}/`)) ?? false;
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive || inSection(item) ? "active" : undefined)}>
            {item.label}
            {item.count ? (
              <>
                {" "}
                <span className="nav-count">
                  {item.count}
                  <span className="visually-hidden"> need attention</span>
                </span>
              </>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The phone menu is a <details> (it opens without JavaScript); with JavaScript it closes after each navigation. */
function useMenuClosedOnNavigation(pathname: string) {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return menu;
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const viewer = data?.viewer;
  const nonce = useNonce();
  const { pathname } = useLocation();
  const menu = useMenuClosedOnNavigation(pathname);
  const items = navItems(viewer, data?.chase?.attention ?? 0);
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
                <nav aria-label="Main" className="site-nav site-nav--bar">
                  <NavList items={items} className="nav" />
                </nav>
                <div className="account site-nav--bar">
                  <Link to="/account" title={viewer.organizationName}>
                    {viewer.name}
                    <span className="visually-hidden"> · {viewer.organizationName}</span>
                  </Link>
                  <Form method="post" action="/logout">
                    <button type="submit" className="button button--quiet">
                      Sign out
                    </button>
                  </Form>
                </div>
                <details className="site-menu" ref={menu}>
                  <summary>
                    Menu
                    {data?.chase && data.chase.attention > 0 ? <span className="nav-count" aria-hidden="true">{data.chase.attention}</span> : null}
                  </summary>
                  <div className="site-menu__panel">
                    <nav aria-label="Main">
                      <NavList items={items} className="site-menu__list" />
                    </nav>
                    <div className="site-menu__account">
                      <Link to="/account">
                        {viewer.name} · {viewer.organizationName}
                      </Link>
                      <Form method="post" action="/logout">
                        <button type="submit" className="button button--secondary">
                          Sign out
                        </button>
                      </Form>
                    </div>
                  </div>
                </details>
              </>
            ) : (
              <>
                <nav aria-label="Public" className="site-nav--public">
                  <ul className="nav">
                    <li>
                      <NavLink to="/r">Public requests</NavLink>
                    </li>
                    <li>
                      <NavLink to="/deadlines">Deadline calculator</NavLink>
                    </li>
                  </ul>
                </nav>
                <div className="account">
                  <Link to="/login" className="button button--secondary">
                    Sign in
                  </Link>
                </div>
              </>
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
