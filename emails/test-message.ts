import { paragraph, renderMessage, type RenderedMessage } from "./document";

export interface TestMessageData {
  organizationName: string;
  sentBy: string;
  transport: string;
  appUrl: string;
}

/** What "Send a test message" sends, to check that mail leaves the app. */
export function testMessage(data: TestMessageData): RenderedMessage {
  return renderMessage("JointAsk test message", [
    paragraph(`${data.sentBy} sent this test message from JointAsk (${data.organizationName}) through ${data.transport}.`),
    paragraph("If you are reading it, outgoing mail works."),
    paragraph(data.appUrl),
  ]);
}
