import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getViewer } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return redirect((await getViewer(request)) ? "/requests" : "/login");
}
