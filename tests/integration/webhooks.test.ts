import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations, requestEvents, requests, webhookDeliveries, webhookEndpoints } from "../../db/schema";
import { enqueueRequestWebhook } from "~/domain/webhooks/endpoints.server";
import { runReminders } from "~/domain/mail/reminders.server";
import { isPrivateAddress, targetProblem } from "~/domain/webhooks/targets.server";
import { pruneDeliveries, WebhookWorker } from "~/domain/webhooks/worker.server";
import * as apiChange from "~/routes/api.v1.requests.$requestId.$change";
import * as requestPage from "~/routes/requests.$requestId";
import * as settings from "~/routes/settings.webhooks";
import * as apiWebhooks from "~/routes/api.v1.webhooks";
import * as apiWebhook from "~/routes/api.v1.webhooks.$webhookId";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeMember, makeOrganization, makeRequest, TODAY } from "./factories";

// Webhooks end to end: an endpoint added through the settings page, a receiver on 127.0.0.1 that checks each
// delivery's signature as the README tells integrators to, and the worker delivering the queue.

const quiet = { info: () => {}, warn: () => {}, error: console.error };

interface Arrival {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; occurred_at: string; request?: Record<string, unknown>; change?: Record<string, unknown> };
  signatureValid: boolean;
  timestampFresh: boolean;
}

/** A webhook receiver: checks the HMAC over "<t>.<body>" and the timestamp; answers 500 while `failNext` > 0. */
async function startReceiver() {
  const state = { arrivals: [] as Arrival[], failNext: 0, secret: "" };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = String(req.headers["jointask-signature"] ?? "");
      const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
      const expected = createHmac("sha256", state.secret).update(`${parts.t}.${body}`).digest();
      const given = Buffer.from(parts.v1 ?? "", "hex");
      state.arrivals.push({
        headers: req.headers,
        body,
        json: JSON.parse(body) as Arrival["json"],
        signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
        timestampFresh: Math.abs(Date.now() / 1000 - Number(parts.t)) < 300,
      });
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(500, { "Content-Type": "text/plain" }).end("x".repeat(5000));
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/jointask`;
  return { state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

type Org = Awaited<ReturnType<typeof makeOrganization>>;

const ALL_EVENTS = ["request.status_changed", "request.reply_received", "request.bounced", "request.field_received", "request.due_date_changed", "request.overdue"];

/** Adds an endpoint through the settings page's form; the secret comes back in the answer, once. */
async function addEndpoint(cookie: string, url: string, events: string[] = ALL_EVENTS) {
  const body = new URLSearchParams({ intent: "create", url, description: "test receiver" });
  for (const e of events) body.append("events", e);
  const response = await callRoute(settings.action as never, {
    url: "/settings/webhooks",
    cookie,
    body: body.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return response;
}

/** An organization with an endpoint (status changes only, unless told: a status change re-dates a request too). */
async function setUp(label: string, receiver: Receiver, events: string[] = ["request.status_changed"]) {
  const org = await makeOrganization(label);
  const cookie = await cookieFor(org.admin.id);
  const response = await addEndpoint(cookie, receiver.url, events);
  expect(response.status, await response.clone().text()).toBe(200);
  const created = (await response.json()) as { secret: string; endpointId: string };
  expect(created.secret).toMatch(/^whsec_/);
  receiver.state.secret = created.secret;
  const worker = new WebhookWorker({ db, organizationId: org.org.id, log: quiet, pollIntervalMs: 50 });
  return { org, cookie, endpointId: created.endpointId, worker };
}

const changeStatusByForm = (cookie: string, requestId: string, status: string) =>
  callRoute(requestPage.action as never, { url: `/requests/${requestId}`, cookie, params: { requestId }, form: { intent: "change-status", status, on: TODAY } });
const changeStatusByApi = (cookie: string, requestId: string, status: string) =>
  callRoute(apiChange.action as never, { url: `/api/v1/requests/${requestId}/status`, cookie, params: { requestId, change: "status" }, json: { status, on: TODAY } });

const deliveriesOf = (endpointId: string) => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe("webhooks", () => {
  it("delivers a status change made by the form exactly once, signed, with the request's details", async () => {
    receiver.state.arrivals.length = 0;
    const { org, cookie, endpointId, worker } = await setUp("Hooks form", receiver);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Stops 2025", initialStatus: "submitted" });
    expect((await changeStatusByForm(cookie, request.id, "acknowledged")).status).toBe(302);
    // Queued in the change's own transaction: there before any worker ran.
    expect((await deliveriesOf(endpointId)).map((d) => [d.eventType, d.status])).toEqual([["request.status_changed", "pending"]]);

    expect(await worker.drain()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    expect(receiver.state.arrivals).toHaveLength(1);
    const [arrival] = receiver.state.arrivals;
    expect(arrival!.signatureValid).toBe(true);
    expect(arrival!.timestampFresh).toBe(true);
    expect(arrival!.headers["jointask-event"]).toBe("request.status_changed");
    const [delivery] = await deliveriesOf(endpointId);
    expect(arrival!.headers["jointask-delivery"]).toBe(delivery!.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204 });
    const [{ code }] = (await db.select({ code: organizations.shortCode }).from(organizations).where(eq(organizations.id, org.org.id))) as [{ code: string }];
    expect(arrival!.json).toMatchObject({
      id: delivery!.id,
      type: "request.status_changed",
      request: {
        id: request.id,
        reference: `${code}-${request.number}`,
        title: "Stops 2025",
        status: "acknowledged",
        agency: "Hooks form Police Department",
        url: expect.stringMatching(new RegExp(`/api/v1/requests/${request.id}$`)),
      },
      change: { from: "submitted", to: "acknowledged" },
    });
    expect(arrival!.json.request).toHaveProperty("due_date");
    const page = (await (await callRoute(settings.loader as never, { url: "/settings/webhooks", cookie })).json()) as { endpoints: Array<{ lastDeliveredAt: string | null; failed: number }> };
    expect(page.endpoints).toEqual([expect.objectContaining({ lastDeliveredAt: expect.any(String), failed: 0 })]);
    expect(new Date(arrival!.json.occurred_at).toISOString()).toBe(arrival!.json.occurred_at);
  });

  it("delivers a status change made through the API exactly once", async () => {
    receiver.state.arrivals.length = 0;
    const { org, cookie, endpointId, worker } = await setUp("Hooks API", receiver);
    const request = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
    const answer = await changeStatusByApi(cookie, request.id, "acknowledged");
    expect(answer.status, await answer.clone().text()).toBe(200);
    await worker.drain();
    await worker.drain();
    expect(receiver.state.arrivals.map((a) => [a.json.type, a.json.request?.id, a.signatureValid])).toEqual([["request.status_changed", request.id, true]]);
    expect(await deliveriesOf(endpointId)).toHaveLength(1);
  });

  it("retries a 500 with backoff, keeps only 1 KB of the answer, then delivers", async () => {
    receiver.state.arrivals.length = 0;
    const { org, cookie, endpointId, worker } = await setUp("Hooks retry", receiver);
    const request = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
    await changeStatusByForm(cookie, request.id, "acknowledged");
    receiver.state.failNext = 1;
    expect(await worker.drain()).toMatchObject({ claimed: 1, retrying: 1, delivered: 0 });
    const [waiting] = await deliveriesOf(endpointId);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(waiting!.lastResponse!.length).toBe(1024);
    const waitMs = waiting!.nextAttemptAt.getTime() - waiting!.lastAttemptAt!.getTime();
    expect(waitMs).toBeGreaterThanOrEqual(59_000);
    expect(waitMs).toBeLessThanOrEqual(61_000);
    // Not due yet: nothing is sent.
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    // A minute later (moved, not waited for): the second attempt goes, and is delivered.
    await db.update(webhookDeliveries).set({ nextAttemptAt: sql`now()` }).where(eq(webhookDeliveries.endpointId, endpointId));
    expect(await worker.drain()).toMatchObject({ claimed: 1, delivered: 1 });
    const [done] = await deliveriesOf(endpointId);
    expect(done).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 204 });
    expect(receiver.state.arrivals).toHaveLength(2);
    // The same delivery both times (the receiver can drop a repeat by JointAsk-Delivery), each signed afresh.
    expect(new Set(receiver.state.arrivals.map((a) => a.headers["jointask-delivery"]))).toEqual(new Set([done!.id]));
    expect(receiver.state.arrivals.every((a) => a.signatureValid)).toBe(true);
  });

  it("marks a delivery failed after its last attempt, and Redeliver sends it again", async () => {
    receiver.state.arrivals.length = 0;
    const { org, cookie, endpointId, worker } = await setUp("Hooks fail", receiver);
    const request = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
    await changeStatusByForm(cookie, request.id, "acknowledged");
    receiver.state.failNext = 6;
    for (let attempt = 1; attempt <= 6; attempt++) {
      await worker.drain();
      await db.update(webhookDeliveries).set({ nextAttemptAt: sql`now()` }).where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "pending")));
    }
    const [failed] = await deliveriesOf(endpointId);
    expect(failed).toMatchObject({ status: "failed", attempts: 6, lastStatusCode: 500 });
    expect(receiver.state.arrivals).toHaveLength(6);

    const page = await callRoute(settings.loader as never, { url: `/settings/webhooks?endpoint=${endpointId}`, cookie });
    const data = (await page.json()) as { log: { rows: Array<{ id: string; status: string; attempts: number }> } };
    expect(data.log.rows).toEqual([expect.objectContaining({ id: failed!.id, status: "failed", attempts: 6 })]);
    expect((data as unknown as { endpoints: Array<{ failed: number; lastDeliveredAt: string | null }> }).endpoints).toEqual([
      expect.objectContaining({ failed: 1, lastDeliveredAt: null }),
    ]);

    const again = await callRoute(settings.action as never, { url: "/settings/webhooks", cookie, form: { intent: "redeliver", endpointId, deliveryId: failed!.id } });
    expect(again.status).toBe(302);
    expect(await worker.drain()).toMatchObject({ delivered: 1 });
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: "delivered" });
  });

  it("delivers each event once when two workers drain at the same time", async () => {
    receiver.state.arrivals.length = 0;
    const { org, cookie, endpointId } = await setUp("Hooks two workers", receiver);
    for (let i = 0; i < 6; i++) {
      const request = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
      await changeStatusByForm(cookie, request.id, "acknowledged");
    }
    const one = new WebhookWorker({ db, organizationId: org.org.id, log: quiet, batchSize: 2 });
    const two = new WebhookWorker({ db, organizationId: org.org.id, log: quiet, batchSize: 2 });
    const [a, b] = await Promise.all([one.drain(), two.drain()]);
    expect(a.delivered + b.delivered).toBe(6);
    const ids = receiver.state.arrivals.map((x) => String(x.headers["jointask-delivery"]));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect((await deliveriesOf(endpointId)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });

  it("never sends an organization's endpoint another organization's events", async () => {
    const other = await startReceiver();
    try {
      receiver.state.arrivals.length = 0;
      const a = await setUp("Hooks org A", receiver);
      const b = await setUp("Hooks org B", other);
      const requestOfB = await makeRequest(b.org.viewer, b.org.agencyId, { initialStatus: "submitted" });
      await changeStatusByForm(b.cookie, requestOfB.id, "acknowledged");
      // Org A's admin can't change B's request either.
      expect((await changeStatusByForm(a.cookie, requestOfB.id, "fulfilled")).status).toBe(404);
      const everyone = new WebhookWorker({ db, log: quiet });
      await Promise.all([a.worker.drain(), b.worker.drain()]);
      expect(await deliveriesOf(a.endpointId)).toHaveLength(0);
      expect(receiver.state.arrivals).toHaveLength(0);
      expect(other.state.arrivals.map((x) => x.json.request?.id)).toEqual([requestOfB.id]);
      // Org A's settings don't show or touch B's endpoint.
      const pageA = (await (await callRoute(settings.loader as never, { url: `/settings/webhooks?endpoint=${b.endpointId}`, cookie: a.cookie })).json()) as {
        endpoints: Array<{ id: string }>;
        log: unknown;
      };
      expect(pageA.endpoints.map((e) => e.id)).toEqual([a.endpointId]);
      expect(pageA.log).toBeNull();
      for (const intent of ["send-test", "delete", "disable", "reveal-secret"]) {
        const refused = await callRoute(settings.action as never, { url: "/settings/webhooks", cookie: a.cookie, form: { intent, endpointId: b.endpointId } });
        expect(refused.status, intent).toBe(404);
      }
      expect(everyone).toBeDefined();
    } finally {
      await other.close();
    }
  });

  it("sends a ping at once through the queue with Send test", async () => {
    receiver.state.arrivals.length = 0;
    const { cookie, endpointId, worker } = await setUp("Hooks ping", receiver);
    const sent = await callRoute(settings.action as never, { url: "/settings/webhooks", cookie, form: { intent: "send-test", endpointId } });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/settings/webhooks?endpoint=${endpointId}`);
    worker.start();
    try {
      for (let i = 0; i < 200 && receiver.state.arrivals.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await worker.stop();
    }
    expect(receiver.state.arrivals.map((a) => [a.json.type, a.headers["jointask-event"], a.signatureValid])).toEqual([["ping", "ping", true]]);
  });

  it("queues the events each timeline entry means, for subscribed endpoints only", async () => {
    receiver.state.arrivals.length = 0;
    const { org, cookie, endpointId } = await setUp("Hooks kinds", receiver, ALL_EVENTS);
    const request = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
    // A second endpoint that wants only due date changes; the first's deliveries so far (filing dated it) set aside.
    const narrow = (await (await addEndpoint(cookie, `${receiver.url}?narrow`, ["request.due_date_changed"])).json()) as { endpointId: string };
    await db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
    const entries: Array<{ kind: string; data: Record<string, unknown> }> = [
      { kind: "email_received", data: { inboundMessageId: "m1", from: "clerk@agency.example", subject: "RE: request", excerpt: "", attachments: [], classification: "reply" } },
      { kind: "email_received", data: { inboundMessageId: "m2", from: "mailer-daemon@x", subject: "Undelivered", excerpt: "", attachments: [], classification: "bounce", bouncedAddress: "a@b.example" } },
      { kind: "email_received", data: { inboundMessageId: "m3", from: "clerk@agency.example", subject: "Out of office", excerpt: "", attachments: [], classification: "auto_reply" } },
      { kind: "field_state_changed", data: { key: "subject_race", label: "Subject race", recordType: "stops", requestFieldId: "f", from: "asked", to: "received" } },
      { kind: "field_state_changed", data: { key: "officer_id", label: "Officer id", recordType: "stops", requestFieldId: "g", from: "asked", to: "withheld" } },
      { kind: "due_date_changed", data: { from: "2026-12-01", to: "2026-12-15", reason: "Extension", statutory: true, basis: "x" } },
      { kind: "note_added", data: { body: "Nothing for webhooks" } },
    ];
    await db.transaction(async (tx) => {
      for (const e of entries) {
        await tx.insert(requestEvents).values({ organizationId: org.org.id, requestId: request.id, kind: e.kind as never, actorId: org.admin.id, data: e.data });
      }
    });
    const types = (await deliveriesOf(endpointId)).map((d) => d.eventType).sort();
    expect(types).toEqual(["request.bounced", "request.due_date_changed", "request.field_received", "request.reply_received"]);
    expect((await deliveriesOf(narrow.endpointId)).map((d) => d.eventType)).toEqual(["request.due_date_changed"]);
    // A rolled-back change sends nothing.
    await db
      .transaction(async (tx) => {
        await tx.insert(requestEvents).values({ organizationId: org.org.id, requestId: request.id, kind: "status_changed", actorId: org.admin.id, data: { from: "submitted", to: "denied" } });
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await deliveriesOf(endpointId)).toHaveLength(4);
    // Overdue (from the reminders pass): once per request and due date, however often the pass runs.
    await enqueueRequestWebhook(db, { type: "request.overdue", key: `overdue:${request.id}:2026-11-20`, requestId: request.id });
    await enqueueRequestWebhook(db, { type: "request.overdue", key: `overdue:${request.id}:2026-11-20`, requestId: request.id });
    expect((await deliveriesOf(endpointId)).filter((d) => d.eventType === "request.overdue")).toHaveLength(1);
    // A disabled endpoint gets nothing new.
    await db.update(webhookEndpoints).set({ enabled: false }).where(eq(webhookEndpoints.id, endpointId));
    await changeStatusByForm(cookie, request.id, "acknowledged");
    expect((await deliveriesOf(endpointId)).filter((d) => d.eventType === "request.status_changed")).toHaveLength(0);
  });

  it("refuses bad endpoint addresses with a field error, and lets only admins and coordinators in", async () => {
    const org = await makeOrganization("Hooks bad");
    const cookie = await cookieFor(org.admin.id);
    for (const [url, message] of [
      ["", /Enter the endpoint's address/],
      ["not a url", /full address/],
      ["ftp://hooks.example.org/x", /https:\/\//],
      ["http://hooks.example.org/x", /https:\/\//],
      ["https://user:pw@hooks.example.org/x", /user name and password/],
      ["https://intranet/x", /full host name/],
      ["https://no-such-host.invalid/x", /could not be found/],
    ] as const) {
      const response = await addEndpoint(cookie, url);
      expect(response.status, url).toBe(422);
      const body = (await response.json()) as { errors: Record<string, string[]> };
      expect(body.errors.url?.join(" "), url).toMatch(message);
    }
    const noEvents = await addEndpoint(cookie, receiver.url, []);
    expect(noEvents.status).toBe(422);
    expect(((await noEvents.json()) as { errors: Record<string, string[]> }).errors.events).toEqual(["Choose at least one event"]);
    const badEvent = await addEndpoint(cookie, receiver.url, ["request.deleted"]);
    expect(((await badEvent.json()) as { errors: Record<string, string[]> }).errors.events).toBeTruthy();
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, org.org.id))).toHaveLength(0);

    for (const role of ["advocate", "viewer"] as const) {
      const member = await makeMember(org, role);
      expect((await callRoute(settings.loader as never, { url: "/settings/webhooks", cookie: member.cookie })).status, role).toBe(403);
      expect((await addEndpoint(member.cookie, receiver.url)).status, role).toBe(403);
    }
    const coordinator = await makeMember(org, "coordinator");
    expect((await addEndpoint(coordinator.cookie, receiver.url)).status).toBe(200);
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, org.org.id));
    // Only admins may show a secret again.
    expect((await callRoute(settings.action as never, { url: "/settings/webhooks", cookie: coordinator.cookie, form: { intent: "reveal-secret", endpointId: endpoint!.id } })).status).toBe(403);
    const revealed = await callRoute(settings.action as never, { url: "/settings/webhooks", cookie, form: { intent: "reveal-secret", endpointId: endpoint!.id } });
    expect(((await revealed.json()) as { secret: string }).secret).toBe(endpoint!.secret);
  });

  it("refuses private and local targets where they aren't allowed (production)", async () => {
    const resolveTo = (address: string) => async () => [{ address, family: address.includes(":") ? 6 : 4 }];
    for (const [url, address] of [
      ["https://10.0.0.8/x", "10.0.0.8"],
      ["https://169.254.169.254/latest/meta-data", "169.254.169.254"],
      ["https://[::1]/x", "::1"],
      ["https://hooks.example.org/x", "192.168.1.5"],
      ["https://hooks.example.org/x", "172.20.0.1"],
      ["https://hooks.example.org/x", "127.0.0.1"],
      ["https://hooks.example.org/x", "::ffff:10.1.2.3"],
      ["https://hooks.example.org/x", "fd00::1"],
    ] as const) {
      expect(await targetProblem(new URL(url), resolveTo(address), false), `${url} -> ${address}`).toMatch(/private or local address/);
    }
    expect(await targetProblem(new URL("http://127.0.0.1:8080/x"), resolveTo("127.0.0.1"), false)).toMatch(/https:\/\//);
    expect(await targetProblem(new URL("https://hooks.example.org/x"), resolveTo("93.184.216.34"), false)).toBeNull();
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
  });

  it("lists, adds and removes endpoints through the API", async () => {
    const org = await makeOrganization("Hooks API endpoints");
    const cookie = await cookieFor(org.admin.id);
    const bad = await callRoute(apiWebhooks.action as never, { url: "/api/v1/webhooks", cookie, json: { url: "http://hooks.example.org/x", events: ["request.status_changed"] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.url).toBeTruthy();
    const created = await callRoute(apiWebhooks.action as never, { url: "/api/v1/webhooks", cookie, json: { url: receiver.url, events: ["request.overdue", "request.status_changed"] } });
    expect(created.status, await created.clone().text()).toBe(201);
    const endpoint = ((await created.json()) as { data: { id: string; secret: string; events: string[] } }).data;
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.events).toEqual(["request.overdue", "request.status_changed"]);
    const list = (await (await callRoute(apiWebhooks.loader as never, { url: "/api/v1/webhooks", cookie })).json()) as { data: Array<Record<string, unknown>> };
    expect(list.data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(list.data[0]).not.toHaveProperty("secret");
    const viewer = await makeMember(org, "viewer");
    expect((await callRoute(apiWebhooks.loader as never, { url: "/api/v1/webhooks", cookie: viewer.cookie })).status).toBe(403);
    expect((await callRoute(apiWebhook.action as never, { url: `/api/v1/webhooks/${endpoint.id}`, cookie: viewer.cookie, method: "DELETE", params: { webhookId: endpoint.id } })).status).toBe(403);
    const other = await makeOrganization("Hooks API other");
    const stranger = await cookieFor(other.admin.id);
    expect((await callRoute(apiWebhook.loader as never, { url: `/api/v1/webhooks/${endpoint.id}`, cookie: stranger, params: { webhookId: endpoint.id } })).status).toBe(404);
    expect((await callRoute(apiWebhook.action as never, { url: `/api/v1/webhooks/${endpoint.id}`, cookie: stranger, method: "DELETE", params: { webhookId: endpoint.id } })).status).toBe(404);
    const removed = await callRoute(apiWebhook.action as never, { url: `/api/v1/webhooks/${endpoint.id}`, cookie, method: "DELETE", params: { webhookId: endpoint.id } });
    expect(removed.status).toBe(204);
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, org.org.id))).toHaveLength(0);
  });

  it("sends the reminders' overdue alert once per request and due date", async () => {
    receiver.state.arrivals.length = 0;
    const { org, endpointId, worker } = await setUp("Hooks overdue", receiver, ["request.overdue"]);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Late", initialStatus: "submitted" });
    await db.update(requests).set({ dueOn: "2026-11-20" }).where(eq(requests.id, request.id));
    const eightAm = new Date("2026-11-23T13:00:00Z");
    await runReminders(db, eightAm, [org.org.id], quiet);
    await runReminders(db, new Date("2026-11-23T15:00:00Z"), [org.org.id], quiet);
    expect((await deliveriesOf(endpointId)).map((d) => d.eventType)).toEqual(["request.overdue"]);
    await worker.drain();
    expect(receiver.state.arrivals.map((a) => [a.json.type, a.json.request?.id, a.json.request?.due_date, a.json.change?.due_date, a.signatureValid])).toEqual([
      ["request.overdue", request.id, "2026-11-20", "2026-11-20", true],
    ]);
  });

  it("pages the delivery log newest first, 50 at a time, without skipping or repeating a row", async () => {
    const { org, cookie, endpointId } = await setUp("Hooks log pages", receiver);
    // 55 deliveries, several sharing one created_at, so the page boundary falls inside a tie.
    const rows = Array.from({ length: 55 }, (_, i) => ({
      organizationId: org.org.id,
      endpointId,
      eventType: "ping",
      eventKey: `ping:page-${i}`,
      payload: {},
      status: "delivered" as const,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, Math.floor(i / 4))),
    }));
    await db.insert(webhookDeliveries).values(rows);
    const first = (await (await callRoute(settings.loader as never, { url: `/settings/webhooks?endpoint=${endpointId}`, cookie })).json()) as {
      log: { rows: Array<{ id: string }>; next: string | null };
    };
    expect(first.log.rows).toHaveLength(50);
    expect(first.log.next).toBeTruthy();
    const second = (await (
      await callRoute(settings.loader as never, { url: `/settings/webhooks?endpoint=${endpointId}&before=${encodeURIComponent(first.log.next!)}`, cookie })
    ).json()) as { log: { rows: Array<{ id: string }>; next: string | null } };
    expect(second.log.rows).toHaveLength(5);
    expect(second.log.next).toBeNull();
    expect(new Set([...first.log.rows, ...second.log.rows].map((r) => r.id)).size).toBe(55);
    // A cursor that isn't one is ignored: the first page.
    const junk = (await (await callRoute(settings.loader as never, { url: `/settings/webhooks?endpoint=${endpointId}&before=yesterday`, cookie })).json()) as {
      log: { rows: Array<{ id: string }> };
    };
    expect(junk.log.rows.map((r) => r.id)).toEqual(first.log.rows.map((r) => r.id));
  });

  it("keeps 30 days of finished deliveries, and everything still waiting", async () => {
    const { org, endpointId } = await setUp("Hooks prune", receiver);
    const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    const row = (key: string, status: "delivered" | "failed" | "pending", createdAt: Date) => ({ organizationId: org.org.id, endpointId, eventType: "ping", eventKey: key, payload: {}, status, createdAt });
    await db.insert(webhookDeliveries).values([row("old-delivered", "delivered", old), row("old-failed", "failed", old), row("old-pending", "pending", old), row("new", "delivered", new Date())]);
    await pruneDeliveries(db);
    expect((await deliveriesOf(endpointId)).map((d) => d.eventKey).sort()).toEqual(["new", "old-pending"]);
    await db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  });
});
