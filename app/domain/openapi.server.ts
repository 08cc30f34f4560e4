import { z } from "zod";
import { REQUEST_CHANGES, REQUEST_CHANGE_NAMES } from "./request-changes.server";
import { webhookEndpointSchema } from "./webhooks/endpoints.server";
import { editRequestFormSchema, newRequestApiSchema, requestFiltersSchema } from "./request-input";

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
  "403": { description: "Your role can't do this" },
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
        "Public-records requests to police departments and their vendors: requests, their changes and files, vendors, joint asks and deadlines. Authenticate with a personal API token (Account → API tokens) as `Authorization: Bearer <token>`.",
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
      },
      "/api/v1/vendors/{vendorId}": {
        get: { operationId: "getVendor", summary: "A vendor, its products and their agencies, and `version`", parameters: [pathParameter("vendorId", "The vendor's id")], responses: { "200": ok("The vendor"), ...errorResponses } },
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
