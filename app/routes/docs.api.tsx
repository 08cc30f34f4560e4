import { Card } from "~/components/ui/card";
import type { MetaFunction } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { openApiDocument } from "~/domain/openapi.server";
import { appUrl } from "~/utils/app-url.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "API reference · JointAsk" }];

type Schema = { type?: string | string[]; enum?: unknown[]; format?: string; maxLength?: number; minimum?: number; maximum?: number; items?: Schema; anyOf?: Schema[]; properties?: Record<string, Schema>; required?: string[] };
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = { operationId: string; summary: string; description?: string; security?: unknown[]; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { description: string }> };

/** GET /docs/api: the OpenAPI document as a page people read: each operation, its parameters and body fields. */
export function loader() {
  const doc = openApiDocument(new URL(appUrl()).origin, new Date().toISOString().slice(0, 10));
  const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  return json({ server: doc.servers[0]!.url, operations });
}

/** A schema as a short phrase: "one of: draft, submitted…", "date", "text, at most 200 characters". */
function describeType(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.enum) return `one of: ${schema.enum.map(String).join(", ")}`;
  if (schema.anyOf) return schema.anyOf.map(describeType).filter((t, i, all) => all.indexOf(t) === i).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  const parts = [schema.format ? `${type} (${schema.format})` : type];
  if (type === "array" && schema.items) parts[0] = `list of ${describeType(schema.items)}`;
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) parts.push(`from ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`to ${schema.maximum}`);
  return parts.join(", ");
}

const anchorOf = (operationId: string) => `op-${operationId}`;

/** The document's text with its `code` spans as code. */
function Text({ children }: { children: string }) {
  return (
    <>
      {children.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </>
  );
}

export default function ApiReference() {
  const { server, operations } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="API reference"
        meta={
          <>
            Every operation of the JSON API at <code>{server}</code>, generated from the same schemas the server checks input with. The machine-readable
            document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </>
        }
      />
      <Card aria-labelledby="auth-heading">
        <h2 id="auth-heading">Signing in</h2>
        <p>
          Create a personal token on <Link to="/account/tokens">Account → API tokens</Link> and send it as <code>Authorization: Bearer &lt;token&gt;</code>.
          Errors are JSON: <code>{'{"error": "…", "fieldErrors": {"field": ["…"]}}'}</code>, with 400 for invalid input, 403 when your role can&rsquo;t,
          404 for what doesn&rsquo;t exist or isn&rsquo;t yours to see, and 409 when someone changed a request since your copy (send the <code>version</code> from GET).
        </p>
        <nav aria-label="Operations">
          <ul className="prose">
            {operations.map(({ path, method, operation }) => (
              <li key={`${method} ${path}`}>
                <a href={`#${anchorOf(operation.operationId)}`}>
                  <code>
                    {method} {path}
                  </code>
                </a>{" "}
                <span className="muted small">
                  <Text>{operation.summary}</Text>
                </span>
              </li>
            ))}
          </ul>
        </nav>
      </Card>
      {operations.map(({ path, method, operation }) => {
        const body = operation.requestBody?.content["application/json"]?.schema ?? operation.requestBody?.content["multipart/form-data"]?.schema;
        const required = new Set(body?.required ?? []);
        return (
          <section key={`${method} ${path}`} className="card" id={anchorOf(operation.operationId)} aria-labelledby={`${anchorOf(operation.operationId)}-heading`}>
            <h2 id={`${anchorOf(operation.operationId)}-heading`}>
              <code>
                {method} {path}
              </code>
            </h2>
            <p>
              <Text>{operation.summary}</Text>
              {operation.security && operation.security.length === 0 ? <span className="muted"> · no sign-in</span> : null}
            </p>
            {operation.description ? (
              <p className="small muted">
                <Text>{operation.description}</Text>
              </p>
            ) : null}
            {operation.parameters?.length ? (
              <DataTable caption="Parameters" columns={["Name", "In", "Type", "Required"]}>
                {operation.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                    </td>
                    <td data-label="In">{p.in}</td>
                    <td data-label="Type">{describeType(p.schema)}</td>
                    <td data-label="Required">{p.required ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </DataTable>
            ) : null}
            {body?.properties ? (
              <DataTable caption={<>Body fields ({operation.requestBody?.content["application/json"] ? "JSON" : "multipart/form-data"})</>} columns={["Field", "Type", "Required"]}>
                {Object.entries(body.properties).map(([name, schema]) => (
                  <tr key={name}>
                    <td>
                      <code>{name}</code>
                    </td>
                    <td data-label="Type">{describeType(schema)}</td>
                    <td data-label="Required">{required.has(name) ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </DataTable>
            ) : null}
            <p className="small">
              Answers:{" "}
              {Object.entries(operation.responses)
                .map(([code, r]) => `${code} ${r.description}`)
                .join(" · ")}
            </p>
          </section>
        );
      })}
    </>
  );
}
