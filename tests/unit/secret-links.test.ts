import { describe, expect, it } from "vitest";
import { MAIL_KINDS, USER_ROLES, type MailKind, type UserRole } from "../../db/schema/values";
import { hiddenBodyReason } from "~/domain/mail/secret-links";

const recipient = "11111111-1111-4111-8111-111111111111";
const colleague = "22222222-2222-4222-8222-222222222222";

const reset = (transport: string | null = "dev_mailbox") => ({ kind: "password_reset" as MailKind, recipientUserId: recipient, transport });
const shown = (viewer: { id: string; role: UserRole }, message: ReturnType<typeof reset>, smtp: boolean) => hiddenBodyReason(viewer, message, smtp) === null;

describe("which outbox bodies hold a link that must not be shown", () => {
  it("a password reset in the development mailbox: its recipient and admins only", () => {
    for (const transport of ["dev_mailbox", null]) {
      expect(shown({ id: recipient, role: "viewer" }, reset(transport), false)).toBe(true);
      expect(shown({ id: colleague, role: "admin" }, reset(transport), false)).toBe(true);
      for (const role of ["coordinator", "advocate", "viewer"] as const) {
        expect(shown({ id: colleague, role }, reset(transport), false), role).toBe(false);
      }
    }
    expect(hiddenBodyReason({ id: colleague, role: "coordinator" }, reset(), false)).toMatch(/only its recipient and your organization's admins/);
  });

  it("a password reset with an SMTP server configured, or sent through one: nobody, recipient and admins included", () => {
    for (const [transport, smtp] of [["smtp", true], [null, true], ["dev_mailbox", true], ["smtp", false]] as const) {
      for (const role of USER_ROLES) {
        for (const id of [recipient, colleague]) {
          expect(hiddenBodyReason({ id, role }, reset(transport), smtp), `${role} ${transport} ${smtp}`).toBe(
            "This message holds a sign-in link and is not shown: it went to its recipient's mailbox only.",
          );
        }
      }
    }
  });

  it("an invitation: admins only, whatever the transport", () => {
    for (const smtp of [false, true]) {
      for (const role of USER_ROLES) {
        const message = { kind: "user_invitation" as MailKind, recipientUserId: null, transport: "smtp" };
        expect(hiddenBodyReason({ id: colleague, role }, message, smtp) === null, role).toBe(role === "admin");
      }
    }
  });

  it("every other kind of message is shown to every member", () => {
    for (const kind of MAIL_KINDS.filter((k) => k !== "password_reset" && k !== "user_invitation")) {
      for (const role of USER_ROLES) {
        expect(hiddenBodyReason({ id: colleague, role }, { kind, recipientUserId: recipient, transport: "smtp" }, true), `${kind} ${role}`).toBeNull();
      }
    }
  });
});
