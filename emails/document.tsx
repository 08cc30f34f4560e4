import { renderToStaticMarkup } from "react-dom/server";

// Every message is built once as a list of blocks, then written out as plain text and as HTML, so the two
// versions always say the same thing. An edited letter (plain text from the form) is read back into blocks.

export type Inline = string | { text: string; href: string };

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "list"; items: Inline[] };

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export const paragraph = (text: string): Block => ({ kind: "paragraph", text });
export const heading = (text: string): Block => ({ kind: "heading", text });
export const list = (items: Inline[]): Block => ({ kind: "list", items });

function inlineText(item: Inline): string {
  return typeof item === "string" ? item : `${item.text}\n  ${item.href}`;
}

export function blocksToText(blocks: readonly Block[]): string {
  return `${blocks
    .map((block) => {
      switch (block.kind) {
        case "paragraph":
          return block.text;
        case "heading":
          return `${block.text}\n${"-".repeat(Math.min(block.text.length, 72))}`;
        case "list":
          return block.items.map((item) => `- ${inlineText(item)}`).join("\n");
      }
    })
    .join("\n\n")}\n`;
}

const LIST_LINE = /^[-*•] /;

/** Reads a plain-text letter back into blocks: blank lines separate paragraphs; "- " lines make a list. */
export function textToBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((chunk) => chunk.replace(/^\n+|\s+$/g, ""))
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk): Block => {
      const lines = chunk.split("\n");
      if (lines.every((line) => LIST_LINE.test(line))) return list(lines.map((line) => line.replace(LIST_LINE, "")));
      return paragraph(chunk);
    });
}

const styles = {
  body: { margin: 0, padding: "24px", background: "#ffffff", color: "#1b1f24" },
  main: { maxWidth: "40rem", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", fontSize: "16px", lineHeight: 1.5 },
  heading: { fontSize: "17px", margin: "24px 0 8px" },
  paragraph: { margin: "0 0 16px" },
  list: { margin: "0 0 16px", paddingLeft: "24px" },
  link: { color: "#1d4ed8" },
  footer: { marginTop: "32px", color: "#5b6472", fontSize: "13px" },
} as const;

function InlineHtml({ item }: { item: Inline }) {
  if (typeof item === "string") return <>{item}</>;
  return (
    <a href={item.href} style={styles.link}>
      {item.text}
    </a>
  );
}

function Lines({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}

function BlockHtml({ block }: { block: Block }) {
  switch (block.kind) {
    case "paragraph":
      return (
        <p style={styles.paragraph}>
          <Lines text={block.text} />
        </p>
      );
    case "heading":
      return <h2 style={styles.heading}>{block.text}</h2>;
    case "list":
      return (
        <ul style={styles.list}>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineHtml item={item} />
            </li>
          ))}
        </ul>
      );
  }
}

/** A complete HTML document; React escapes every value, so no text from data can become markup. */
export function blocksToHtml(subject: string, blocks: readonly Block[], footer?: Inline[]): string {
  const markup = renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body style={styles.body}>
        <div style={styles.main}>
          {blocks.map((block, i) => (
            <BlockHtml key={i} block={block} />
          ))}
          {footer?.length ? (
            <p style={styles.footer}>
              {footer.map((item, i) => (
                <span key={i}>
                  {i > 0 ? " · " : null}
                  <InlineHtml item={item} />
                </span>
              ))}
            </p>
          ) : null}
        </div>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}

export function renderMessage(subject: string, blocks: readonly Block[], footer?: Inline[]): RenderedMessage {
  const footerText = footer?.length ? `\n--\n${footer.map((item) => (typeof item === "string" ? item : `${item.text}: ${item.href}`)).join("\n")}\n` : "";
  return { subject, text: blocksToText(blocks) + footerText, html: blocksToHtml(subject, blocks, footer) };
}

/** An edited letter: the text as written, and HTML made from the same text. */
export function renderEditedLetter(subject: string, text: string): RenderedMessage {
  const normalized = `${text.replace(/\r\n?/g, "\n").replace(/\s+$/, "")}\n`;
  return { subject, text: normalized, html: blocksToHtml(subject, textToBlocks(normalized)) };
}
