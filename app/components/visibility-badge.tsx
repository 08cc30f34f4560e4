import type { RequestVisibility } from "../../db/schema/values";
import { visibilityLabel } from "~/domain/visibility";
import { Badge, type BadgeTone } from "./ui/badge";

const TONES: Record<RequestVisibility, BadgeTone> = { private: "neutral", coalition: "info", public: "success" };

/** Who sees a request, as text and colour: "Private", "Coalition", "Public", "Public from Tue 1 Mar". */
export function VisibilityBadge({ visibility, embargoUntil, today }: { visibility: RequestVisibility; embargoUntil: string | null; today: string }) {
  const embargoed = visibility === "public" && embargoUntil !== null && embargoUntil > today;
  return (
    <Badge tone={embargoed ? "waiting" : TONES[visibility]} title="Who can see this request">
      {visibilityLabel({ visibility, embargoUntil }, today)}
    </Badge>
  );
}
