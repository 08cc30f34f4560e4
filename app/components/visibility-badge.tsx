import type { RequestVisibility } from "../../db/schema/values";
import { visibilityLabel } from "~/domain/visibility";

const TONES: Record<RequestVisibility, string> = { private: "neutral", coalition: "info", public: "success" };

/** Who sees a request, as text and colour: "Private", "Coalition", "Public", "Public from Tue 1 Mar". */
export function VisibilityBadge({ visibility, embargoUntil, today }: { visibility: RequestVisibility; embargoUntil: string | null; today: string }) {
  const embargoed = visibility === "public" && embargoUntil !== null && embargoUntil > today;
  return (
    <span className={`badge badge--${embargoed ? "waiting" : TONES[visibility]}`} title="Who can see this request">
      {visibilityLabel({ visibility, embargoUntil }, today)}
    </span>
  );
}
