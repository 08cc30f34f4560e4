import { z } from "zod";
import { REQUEST_CHANGES, REQUEST_CHANGE_NAMES } from "./request-changes.server";
import { webhookEndpointSchema } from "./webhooks/endpoints.server";
import { editRequestFormSchema, newRequestApiSchema, requestFiltersSchema } from "./request-input";
import { jointAskDetailQuerySchema, jointAskListQuerySchema, sendAllSchema } from "./joint-ask-api.server";
import { addTargetsSchema, campaignFormSchema, productFormSchema, systemFormSchema, vendorFormSchema } from "./vendor-input";
import { agencyApiSchema } from "./agency-api.server";
import { directoryQuery } from "./directory-input";

// The JSON API described as an OpenAPI 3.1 document, generated from the same zod schemas the routes parse with
// (zod's own JSON Schema output), so the document cannot drift from what the routes accept. A test walks the
// api.v1.* route files and fails when a route and the document disagree.

type JsonSchema = Record<string, unknown>;

/** The JSON Schema of what a client sends for `schema` (its input side: before coercion and defaults). */
function inputSchema(schema: z.ZodTypeAny, omit: readonly string[] = []): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  const properties = json.properties as Record<string, unknown> | undefined;
  if (properties) for (const key of omit) delete properties[key];
  if (Array.isArray(json.required)) json.required = (json.required as string[]).filter((key) => !omit.includes(key));
  return json;
}

/** Query parameters from an object schema: one parameter per property. */
function queryParameters(schema: z.ZodTypeAny) {
  const json = inputSchema(schema);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties as Record<string, JsonSchema>) ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
  }));
}

const pathParameter = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });

const errorResponses = {
  "400": { description: "Invalid input: `fieldErrors` names each field", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "No valid token or session" },
  "403": { description: "Your role can't do this, or the token is read-only" },
  "429": { description: "Too many calls with this token this minute: wait `Retry-After` seconds" },
  "404": { description: "Not found, or not visible to you" },
};

const jsonBody = (schema: JsonSchema) => ({ required: true, content: { "application/json": { schema } } });
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

/** The OpenAPI document, for a server at `baseUrl`. `today` dates the schemas' "not in the future" rules. */
export function openApiDocument(baseUrl: string, today: string) {
  const changePaths = Object.fromEntries(
    REQUEST_CHANGE_NAMES.map((name) => {
      const change = REQUEST_CHANGES[name];
      return [
        `/api/v1/requests/{requestId}/${change.apiPath}`,
        {
          post: {
            operationId: `requestChange_${name.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}`,
            summary: change.summary,
            description: `The request page's "${name}" form, through the same schema, permission (${change.permission}) and timeline entry. Answers the request as GET /api/v1/requests/{requestId}, with a \`message\`.`,
            parameters: [pathParameter("requestId", "The request's id")],
            requestBody: jsonBody(inputSchema(change.schema(today), ["intent"])),
            responses: { "200": ok("The request after the change"), ...errorResponses, "409": { description: "Someone changed it since your copy" }, "415": { description: "The body is not JSON" } },
          },
        },
      ];
    }),
  );

  return {
    openapi: "3.1.0",
    info: {
      title: "JointAsk API",
      version: "1",
      description:
        "Public-records requests to police departments and their vendors: requests, their changes and files, vendors, joint asks and deadlines. Authenticate with a personal API token (Account → API tokens) as `Authorization: Bearer <token>`. A read-only token gets 403 on any write; a token limited to its organization sees only that organization's own rows. Each token may make a limited number of calls a minute: every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds), and past the limit the API answers 429 with `Retry-After`.",
    },
    servers: [{ url: baseUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "string" }, fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } } },
        },
      },
    },
    paths: {
      "/api/v1/openapi.json": { get: { operationId: "openApi", summary: "This document", security: [], responses: { "200": ok("The OpenAPI document") } } },
      "/api/v1/requests": {
        get: {
          operationId: "listRequests",
          summary: "The requests you may see, with the list page's filters",
          parameters: queryParameters(requestFiltersSchema),
          responses: { "200": ok("A page of requests"), ...errorResponses },
        },
        post: {
          operationId: "createRequest",
          summary: "File a request",
          requestBody: jsonBody(inputSchema(newRequestApiSchema(today))),
          responses: { "201": ok("The request created"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/requests/{requestId}": {
        get: {
          operationId: "getRequest",
          summary: "One request with its timeline, deadlines, fields and `version`",
          parameters: [pathParameter("requestId", "The request's id")],
          responses: { "200": ok("The request"), ...errorResponses },
        },
        patch: {
          operationId: "editRequest",
          summary: "Edit a request as its edit form does: send only the fields you change, and the `version` from GET",
          parameters: [pathParameter("requestId", "The request's id")],
          requestBody: jsonBody({ ...inputSchema(editRequestFormSchema(today)), required: [] }),
          responses: { "200": ok("The request after the edit"), ...errorResponses, "409": { description: "Someone changed it since your copy: `conflict` shows both values" } },
        },
      },
      ...changePaths,
      "/api/v1/requests/{requestId}/files": {
        get: { operationId: "listRequestFiles", summary: "The request's files, newest first", parameters: [pathParameter("requestId", "The request's id")], responses: { "200": ok("Files"), ...errorResponses } },
        post: {
          operationId: "uploadRequestFile",
          summary: "Upload a received file (multipart/form-data, field `file`, optional `communicationId`), streamed",
          parameters: [pathParameter("requestId", "The request's id")],
          requestBody: {
            required: true,
            content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" }, communicationId: { type: "string", format: "uuid" } } } } },
          },
          responses: { "201": ok("The file stored"), "200": ok("The same bytes were already on the request"), ...errorResponses, "413": { description: "Larger than the upload limit" } },
        },
      },
      "/api/v1/requests/{requestId}/files/{fileId}": {
        get: {
          operationId: "getRequestFile",
          summary: "A file with its dataset profile and its check against the ask",
          parameters: [pathParameter("requestId", "The request's id"), pathParameter("fileId", "The file's id")],
          responses: { "200": ok("The file"), ...errorResponses },
        },
      },
      "/api/v1/vendors": {
        get: {
          operationId: "listVendors",
          summary: "Your organization's vendors, with product and agency counts",
          parameters: [{ name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 } }],
          responses: { "200": ok("Vendors"), ...errorResponses },
        },
        post: {
          operationId: "createVendor",
          summary: "Add a vendor, as the new vendor form",
          requestBody: jsonBody(inputSchema(vendorFormSchema, ["version"])),
          responses: { "201": ok("The vendor"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/vendors/{vendorId}": {
        get: { operationId: "getVendor", summary: "A vendor, its products and their agencies, and `version`", parameters: [pathParameter("vendorId", "The vendor's id")], responses: { "200": ok("The vendor"), ...errorResponses } },
        patch: {
          operationId: "editVendor",
          summary: "Edit one of your organization's vendors: the fields you change (null clears one) and the `version` from GET",
          parameters: [pathParameter("vendorId", "The vendor's id")],
          requestBody: jsonBody({ ...inputSchema(vendorFormSchema), required: [] }),
          responses: { "200": ok("The vendor after the edit"), ...errorResponses, "409": { description: "Someone changed it since your copy: `conflict` shows both values" }, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/vendors/{vendorId}/products": {
        post: {
          operationId: "createProduct",
          summary: "Add a product to one of your vendors, as the new product form",
          parameters: [pathParameter("vendorId", "The vendor's id")],
          requestBody: jsonBody(inputSchema(productFormSchema, ["version"])),
          responses: { "201": ok("The product"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/products/{productId}": {
        get: { operationId: "getProduct", summary: "A product you see, with `version`", parameters: [pathParameter("productId", "The product's id")], responses: { "200": ok("The product"), ...errorResponses } },
        patch: {
          operationId: "editProduct",
          summary: "Edit one of your organization's products: the fields you change and the `version` from GET",
          parameters: [pathParameter("productId", "The product's id")],
          requestBody: jsonBody({ ...inputSchema(productFormSchema), required: [] }),
          responses: { "200": ok("The product after the edit"), ...errorResponses, "409": { description: "Someone changed it since your copy: `conflict` shows both values" }, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/webhooks": {
        get: {
          operationId: "listWebhooks",
          summary: "Your organization's webhook endpoints, without their secrets (admins and coordinators)",
          responses: { "200": ok("Endpoints"), ...errorResponses },
        },
        post: {
          operationId: "createWebhook",
          summary: "Add a webhook endpoint; the answer carries its signing secret, this once. See the README, \"Webhooks\", for payloads and signatures",
          requestBody: jsonBody(inputSchema(webhookEndpointSchema, ["enabled"])),
          responses: { "201": ok("The endpoint, with `secret`"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/webhooks/{webhookId}": {
        get: { operationId: "getWebhook", summary: "One webhook endpoint", parameters: [pathParameter("webhookId", "The endpoint's id")], responses: { "200": ok("The endpoint"), ...errorResponses } },
        delete: {
          operationId: "deleteWebhook",
          summary: "Remove a webhook endpoint and its delivery log",
          parameters: [pathParameter("webhookId", "The endpoint's id")],
          responses: { "204": { description: "Removed" }, ...errorResponses },
        },
      },
      "/api/v1/campaigns/{campaignId}": {
        get: {
          operationId: "getCampaign",
          summary: "A joint ask, its requests (with due dates) and counts by status",
          parameters: [pathParameter("campaignId", "The joint ask's id")],
          responses: { "200": ok("The joint ask"), ...errorResponses },
        },
      },
      "/api/v1/joint-asks": {
        get: {
          operationId: "listJointAsks",
          summary: "The joint asks you see (yours and your coalition's), newest first: follow `nextCursor` with `cursor=`",
          parameters: queryParameters(jointAskListQuerySchema),
          responses: { "200": ok("A page of joint asks"), ...errorResponses },
        },
        post: {
          operationId: "createJointAsk",
          summary: "Create a joint ask and one request per target (agency ids in `targets`), as the new joint ask form",
          requestBody: jsonBody(inputSchema(campaignFormSchema, ["intent"])),
          responses: { "201": ok("The joint ask created, with its requests"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/joint-asks/{jointAskId}": {
        get: {
          operationId: "getJointAsk",
          summary: "A joint ask, a page of its requests (with due dates; follow `requestPage.nextCursor` with `cursor=`), counts by status and how far its letters are sent",
          parameters: [pathParameter("jointAskId", "The joint ask's id"), ...queryParameters(jointAskDetailQuerySchema)],
          responses: { "200": ok("The joint ask"), ...errorResponses },
        },
      },
      "/api/v1/joint-asks/{jointAskId}/targets": {
        post: {
          operationId: "addJointAskTargets",
          summary: "Add agencies (by id) to a joint ask: one request each from its letter; agencies already in it are skipped",
          parameters: [pathParameter("jointAskId", "The joint ask's id")],
          requestBody: jsonBody(inputSchema(addTargetsSchema, ["intent"])),
          responses: { "200": ok("How many were added, and the joint ask"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/joint-asks/{jointAskId}/send-all": {
        post: {
          operationId: "sendJointAskLetters",
          summary: "Send every unsent letter (or only `requestIds`) through the outbox; each request is filed. Never sends twice",
          parameters: [pathParameter("jointAskId", "The joint ask's id")],
          requestBody: jsonBody(inputSchema(sendAllSchema)),
          responses: { "200": ok("Letters queued, already sent, waiting for an address"), ...errorResponses, "415": { description: "The body is not JSON" }, "422": { description: "Refused: `fieldErrors` says why" } },
        },
      },
      "/api/v1/joint-asks/{jointAskId}/follow-up-all": {
        post: {
          operationId: "followUpJointAsk",
          summary: "Send the follow-up letter to every overdue target (once per target and due date); body `{}`",
          parameters: [pathParameter("jointAskId", "The joint ask's id")],
          requestBody: jsonBody({ type: "object", additionalProperties: false }),
          responses: { "200": ok("Follow-ups queued"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/agencies": {
        get: {
          operationId: "searchAgencies",
          summary:
            "The national agency directory search (`agencyId` set where your organization has the agency), and `own`: a page of your agencies whose name matches `q` (by jurisdiction, then name), with `ownTotal`, `ownTotalExact`, `pageSize`, `nextCursor` and `prevCursor`",
          parameters: [
            ...queryParameters(directoryQuery),
            { name: "pageSize", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
            { name: "cursor", in: "query", required: false, description: "`nextCursor` or `prevCursor` of an answer: the next or previous page of `own`", schema: { type: "string", maxLength: 2000 } },
          ],
          responses: { "200": ok("Directory hits and your matching agencies"), ...errorResponses },
        },
        post: {
          operationId: "createAgency",
          summary: "Add an agency to your organization, as the new agency form",
          requestBody: jsonBody(inputSchema(agencyApiSchema, ["version"])),
          responses: { "201": ok("The agency"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/agencies/{agencyId}": {
        get: { operationId: "getAgency", summary: "An agency you see, with `version`", parameters: [pathParameter("agencyId", "The agency's id")], responses: { "200": ok("The agency"), ...errorResponses } },
        patch: {
          operationId: "editAgency",
          summary: "Edit one of your organization's agencies: send the fields you change (null clears one) and the `version` from GET",
          parameters: [pathParameter("agencyId", "The agency's id")],
          requestBody: jsonBody({ ...inputSchema(agencyApiSchema), required: [] }),
          responses: { "200": ok("The agency after the edit"), ...errorResponses, "409": { description: "Someone changed it since your copy: `conflict` shows both values" }, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/agencies/{agencyId}/systems": {
        post: {
          operationId: "createSystem",
          summary: "Record what one of your agencies runs (`productId`, or `hostAgencyId` for another agency's system), as the new system form",
          parameters: [pathParameter("agencyId", "The agency's id")],
          requestBody: jsonBody(inputSchema(systemFormSchema, ["version"])),
          responses: { "201": ok("The system"), ...errorResponses, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/systems/{systemId}": {
        get: { operationId: "getSystem", summary: "One of your organization's agency systems, with `version`", parameters: [pathParameter("systemId", "The system's id")], responses: { "200": ok("The system"), ...errorResponses } },
        patch: {
          operationId: "editSystem",
          summary: "Edit a system: the fields you change (null clears one) and the `version` from GET",
          parameters: [pathParameter("systemId", "The system's id")],
          requestBody: jsonBody({ ...inputSchema(systemFormSchema), required: [] }),
          responses: { "200": ok("The system after the edit"), ...errorResponses, "409": { description: "Someone changed it since your copy: `conflict` shows both values" }, "415": { description: "The body is not JSON" } },
        },
      },
      "/api/v1/deadlines": {
        get: {
          operationId: "computeDeadline",
          summary: "The statutory due date for a request received on a date under a jurisdiction's law (no sign-in)",
          security: [],
          parameters: [
            { name: "jurisdiction", in: "query", required: true, schema: { type: "string", pattern: "^[A-Z]{2}$" } },
            { name: "received", in: "query", required: true, schema: { type: "string", format: "date" } },
          ],
          responses: { "200": ok("The due date and how it was counted"), "400": errorResponses["400"] },
        },
      },
      "/api/v1/public/requests": {
        get: {
          operationId: "listPublicRequests",
          summary: "Published requests of every organization, as on /r (no sign-in)",
          security: [],
          parameters: [
            { name: "q", in: "query", required: false, schema: { type: "string" } },
            { name: "status", in: "query", required: false, schema: { type: "string" } },
            { name: "state", in: "query", required: false, schema: { type: "string" } },
            { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
          ],
          responses: { "200": ok("A page of published requests"), "400": errorResponses["400"] },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
