// The design system's pieces (see README, "Contributing: the design system").
export { PageHeader } from "./page-header";
export { Card } from "./card";
export { FormRow, describedBy, type ControlProps } from "./form-row";
export { DataTable, type Column } from "./data-table";
export { ButtonGroup } from "./button-group";
export { Combobox } from "./combobox";
export { ChartFrame, type ChartTable } from "./chart-frame";
export { SearchForm } from "./search-form";
export { NumberText, formatNumber, countOf } from "./number-text";
export { DateText } from "../date-text";
export { EmptyState } from "../empty-state";
export { CopyField } from "../copy-field";
export { Badge, type BadgeTone } from "./badge";
export { StatusBadge } from "../status-badge";
export { VisibilityBadge } from "../visibility-badge";
