import { CATALOG_FIELDS } from "../../../db/seed/data/field-catalog";

export const STOPS_FIELDS_FOR_TESTS = CATALOG_FIELDS.stops!;
