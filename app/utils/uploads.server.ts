import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

/**
 * The form data of a POST, from a multipart form (with files) or a plain one. Null when a part is larger than
 * `maxBytes`, so the caller can answer with a field error instead of failing.
 */
export async function readForm(request: Request, maxBytes: number): Promise<FormData | null> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}

/** The file chosen in a file input; null when none was chosen (browsers send an empty part). */
export async function uploadedFile(formData: FormData, field: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  const value = formData.get(field);
  if (!value || typeof value === "string" || (value.size === 0 && !value.name)) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}
