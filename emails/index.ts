// One module per message; each gives subject, text and HTML from the same data.
export { appealLetter } from "./appeal-letter";
export { digestIsEmpty, digestMessage, type DigestData, type DigestItem } from "./digest";
export { renderEditedLetter, type RenderedMessage } from "./document";
export { followUpLetter } from "./follow-up-letter";
export { OVERDUE_SUMMARY_LINES, overdueAlertMessage, overdueSummaryMessage, type OverdueAlertData, type OverdueSummaryData } from "./overdue-alert";
export { requestLetter } from "./request-letter";
export { testMessage, type TestMessageData } from "./test-message";
export type { AppealRoute, DetailWanted, FieldsAsked, LawCitation, LetterData, RecipientKind } from "./types";
export { coalitionInvitationMessage, type CoalitionInvitationData } from "./coalition-invitation";
export { passwordResetMessage, type PasswordResetData } from "./password-reset";
export { userInvitationMessage, type UserInvitationData } from "./user-invitation";
