import { readFormData } from "./bounded-input.server";

/**
 * The form data of a POST, from a multipart form (with one file, in a field named in `fileFields`, of at most
 * `maxBytes`) or a plain one. Null when the file is larger than `maxBytes`, so the caller can answer with a
 * field error instead of failing; other bad bodies throw a 400/413/415 Response.
 */
export async function readForm(
  request: Request,
  maxBytes: number,
  options: { fileFields?: string[]; /** A text field as large as the file (a pasted CSV). */ textAsLargeAsFile?: boolean } = {},
): Promise<FormData | null> {
  const fileFields = options.fileFields ?? ["file", "document"];
  try {
    return await readFormData(request, { files: { names: fileFields, maxBytes }, fieldBytes: options.textAsLargeAsFile ? maxBytes : undefined });
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413 && fileFields.some((f) => thrown.headers.get("X-Refused-Field") === f)) return null;
    throw thrown;
  }
}

/** The file chosen in a file input; null when none was chosen (browsers send an empty part). */
export async function uploadedFile(formData: FormData, field: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  const value = formData.get(field);
  if (!value || typeof value === "string" || (value.size === 0 && !value.name)) return null;
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}
