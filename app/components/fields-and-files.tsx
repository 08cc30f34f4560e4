import type { SerializeFrom } from "@remix-run/node";
import type { FieldsAndFilesData } from "~/domain/fields-page.server";
import { CodeKeysCard, RequestFieldsCard, type FieldsFormResult } from "./request-fields";
import { RequestFilesCard, type UploadErrors } from "./request-files";

/** The request page's section on fields asked, coverage and files received. */
export function FieldsAndFiles({
  data,
  today,
  timeZone,
  fieldsResult,
  uploadErrors,
}: {
  data: SerializeFrom<FieldsAndFilesData>;
  today: string;
  timeZone: string;
  fieldsResult?: FieldsFormResult;
  uploadErrors?: UploadErrors;
}) {
  return (
    <>
      <RequestFieldsCard data={data} today={today} last={fieldsResult} />
      <CodeKeysCard data={data} last={fieldsResult} />
      <RequestFilesCard data={data} timeZone={timeZone} errors={uploadErrors} />
    </>
  );
}
