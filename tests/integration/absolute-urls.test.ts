import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { setRequestVisibility } from "~/domain/visibility.server";
import * as login from "~/routes/login";
import * as publicJson from "~/routes/api.v1.public.requests";
import * as calendarSettings from "~/routes/settings.calendar";
import * as calendarFeed from "~/routes/calendar.$token";
import { appUrl } from "~/utils/app-url.server";
import { remixRequest } from "~/utils/remix-handler.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";

// Absolute URLs come from the configured address (APP_URL), never from the Host or X-Forwarded-Host a client
// sends; and a throttled sign-in says when to come back, on a document POST too.

const EVIL = { Host: "evil.example", "X-Forwarded-Host": "evil.example" };

describe("absolute URLs", () => {
  it("of the public JSON use the configured address", async () => {
    const org = await makeOrganization("Hosts");
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Hosts public", initialStatus: "submitted" });
    expect((await setRequestVisibility(org.viewer, request.id, { visibility: "public" }))?.ok).toBe(true);
    const response = await callRoute(publicJson.loader as never, { url: "http://evil.example/api/v1/public/requests?q=Hosts", headers: EVIL });
    const body = (await response.json()) as { data: { url: string }[] };
    expect(body.data.length).toBeGreaterThan(0);
    for (const row of body.data) expect(row.url.startsWith(`${appUrl()}/r/`)).toBe(true);
  });

  it("of a new calendar feed and in the feed use the configured address", async () => {
    const org = await makeOrganization("Hosts feed");
    await makeRequest(org.viewer, org.agencyId, { title: "Hosts feed request", initialStatus: "submitted" });
    const created = await callRoute(calendarSettings.action as never, {
      url: "http://evil.example/settings/calendar",
      cookie: await cookieFor(org.admin.id),
      headers: EVIL,
      form: { intent: "create" },
    });
    const { url } = (await created.json()) as { url: string };
    expect(url.startsWith(`${appUrl()}/calendar/`)).toBe(true);
    const token = url.split("/").pop()!;
    const feed = await callRoute(calendarFeed.loader as never, { url: `http://evil.example/calendar/${token}`, headers: EVIL, params: { token } });
    const text = await feed.text();
    expect(text).toContain(`${appUrl()}/requests/`);
    expect(text).not.toContain("evil.example");
  });

  it("are what the server hands Remix, whatever Host and X-Forwarded-Host say", async () => {
    const app = express();
    app.set("trust proxy", true);
    app.all("*", (req, res) => void res.send(remixRequest(req, res).url));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as AddressInfo).port;
    const get = (path: string) =>
      new Promise<string>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path, headers: EVIL }, (res) => {
            let text = "";
            res.on("data", (chunk) => (text += chunk));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
    try {
      expect(await get("/requests?page=2")).toBe(`${new URL(appUrl()).origin}/requests?page=2`);
      expect(new URL(await get("//evil.example/x")).host).toBe(new URL(appUrl()).host);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("a throttled sign-in", () => {
  it("keeps the action's Retry-After on the rendered page (a document POST)", () => {
    const headers = login.headers({
      actionHeaders: new Headers({ "Retry-After": "840" }),
      loaderHeaders: new Headers(),
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    });
    expect(new Headers(headers).get("Retry-After")).toBe("840");
    expect(new Headers(login.headers({ actionHeaders: new Headers(), loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined })).get("Retry-After")).toBeNull();
  });
});
