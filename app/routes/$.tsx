import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

// Any unknown address: sign in first (so nothing is revealed), then a 404 page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  throw notFound();
}

export async function action({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  throw notFound();
}

export default function NotFound() {
  return null;
}
