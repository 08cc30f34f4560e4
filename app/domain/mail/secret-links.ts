import type { MailKind, UserRole } from "../../../db/schema/values";
import { can } from "../permissions";

// Some messages carry a link that acts as a credential: a password reset link signs in as its recipient, an
// invitation link creates an account with the invited role. The outbox shows every message of the organization
// to its members, so these bodies (text, HTML and raw source) are shown only where reading them gives nothing away:
// - a password reset: never when an SMTP server is configured or the message went through one (it reached the
//   person's own mailbox, which is the only place it belongs); in the development mailbox (no SMTP_URL: a demo
//   or a development setup whose operator reads the dev_mailbox table anyway) to its recipient and to admins;
// - an invitation: to admins, who can send one themselves.
// Browser-safe and pure, so it is unit-tested and the page can say why a body is missing.

export interface MessageForRedaction {
  kind: MailKind;
  recipientUserId: string | null;
  /** Where the worker delivered it ("smtp" or "dev_mailbox"); null while queued. */
  transport: string | null;
}

/** Null when the viewer may read the message's body; otherwise the sentence the page shows instead. */
export function hiddenBodyReason(viewer: { id: string; role: UserRole }, message: MessageForRedaction, smtpConfigured: boolean): string | null {
  if (message.kind === "password_reset") {
    if (smtpConfigured || message.transport === "smtp") {
      return "This message holds a sign-in link and is not shown: it went to its recipient's mailbox only.";
    }
    if (message.recipientUserId === viewer.id || can(viewer, "users.manage")) return null;
    return "This message holds a sign-in link and is not shown: in the development mailbox only its recipient and your organization's admins can read it.";
  }
  if (message.kind === "user_invitation" && !can(viewer, "users.manage")) {
    return "This message holds an invitation link and is not shown: only your organization's admins can read it.";
  }
  return null;
}
