import { paragraph, renderMessage, type RenderedMessage } from "./document";

export interface PasswordResetData {
  userName: string;
  resetUrl: string;
  validMinutes: number;
}

/** The link to choose a new password; it works once, for a short time. */
export function passwordResetMessage(data: PasswordResetData): RenderedMessage {
  return renderMessage(
    "Reset your JointAsk password",
    [
      paragraph(`${data.userName}, someone (we hope you) asked to reset the password of your JointAsk account.`),
      paragraph(`Choose a new password here; the link works once, for ${data.validMinutes} minutes:`),
      paragraph(data.resetUrl),
      paragraph("Choosing a new password signs you out on every device. If you did not ask for this, ignore this message: your password stays as it is."),
    ],
    [{ text: "Choose a new password", href: data.resetUrl }],
  );
}
