import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/fields";
import { viewActionSchema } from "~/domain/saved-views";
import { deleteView, listSavedViews, renameView, saveView } from "~/domain/saved-views.server";
import { requireViewer } from "~/utils/auth.server";
import { readFormData } from "~/utils/bounded-input.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { fieldErrorsOf, notFound } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Saved views · JointAsk" }];

/** GET /requests/views: the viewer's saved views of the requests list, to open, rename or delete. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return json({ views: await listSavedViews(viewer) });
}

/** Save the list's filters as a view (from the list), rename or delete one (from this page). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const formData = await readFormData(request);
  const parsed = viewActionSchema.safeParse(Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string")));
  if (!parsed.success) return json({ viewId: formData.get("viewId")?.toString() ?? null, errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "save-view": {
      const saved = await saveView(viewer, input);
      if (!saved.ok) return json({ viewId: null, errors: saved.fieldErrors }, { status: 400 });
      return redirectWithFlash(`/requests${input.query ? `?${input.query}` : ""}`, {
        kind: "success",
        message: saved.value.replaced ? `View “${input.name}” updated.` : `View “${input.name}” saved.`,
      });
    }
    case "rename-view": {
      const renamed = await renameView(viewer, input.viewId, input.name);
      if (!renamed) throw notFound("view");
      if (!renamed.ok) return json({ viewId: input.viewId, errors: renamed.fieldErrors }, { status: 400 });
      return redirectWithFlash("/requests/views", { kind: "success", message: `View renamed to “${input.name}”.` });
    }
    case "delete-view": {
      if (!(await deleteView(viewer, input.viewId))) throw notFound("view");
      return redirectWithFlash("/requests/views", { kind: "success", message: "View deleted." });
    }
  }
}

export default function SavedViews() {
  const { views } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Saved views"
        meta="Filters and sorts of the requests list you saved. Only you see them."
        actions={
          <ButtonGroup>
            <Link to="/requests" className="button button--quiet">
              Back to the requests
            </Link>
          </ButtonGroup>
        }
      />
      {data && !data.viewId ? <FormErrors errors={Object.values(data.errors as Record<string, string[]>).flat()} /> : null}
      {views.length === 0 ? (
        <div className="card empty">
          <p>No saved views yet. Filter the requests list, then save it as a view.</p>
        </div>
      ) : (
        <ul className="plain-list">
          {views.map((v) => (
            <li key={v.id} className="card">
              <h2>
                <Link to={v.valid ? `/requests${v.query ? `?${v.query}` : ""}` : "/requests"}>{v.name}</Link>
              </h2>
              {!v.valid ? <p className="muted">These filters are no longer valid: the view opens the whole list.</p> : null}
              <ButtonGroup>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="rename-view" />
                  <input type="hidden" name="viewId" value={v.id} />
                  <TextField
                    id={`rename-${v.id}`}
                    name="name"
                    label={`New name for “${v.name}”`}
                    defaultValue={v.name}
                    maxLength={80}
                    required
                    errors={data?.viewId === v.id ? data.errors.name : undefined}
                  />
                  <button type="submit" className="button button--secondary">
                    Rename
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete-view" />
                  <input type="hidden" name="viewId" value={v.id} />
                  <button type="submit" className="button button--quiet">
                    Delete<span className="visually-hidden"> the view “{v.name}”</span>
                  </button>
                </Form>
              </ButtonGroup>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
