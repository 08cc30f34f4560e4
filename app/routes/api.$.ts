import { apiError } from "~/utils/responses.server";

export function loader() {
  return apiError(404, "No such API endpoint. See the README for the list.");
}

export function action() {
  return apiError(404, "No such API endpoint. See the README for the list.");
}
