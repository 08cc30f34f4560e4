
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

/**
 * HTML from a message, made safe to show inside a page: text formatting, lists, tables and links only.
 * Scripts, styles, forms, frames, images (tracking pixels) and every event handler or inline style are removed;
 * links may only be http(s) or mailto and open in a new tab without a referrer.
 */
export async function sanitizeMailHtml(html: string): Promise<string> {
  // Loaded on first use: only the mail pages show HTML.
  const { default: sanitizeHtml } = await import("sanitize-html");
  return sanitizeHtml(html, {
    allowedTags: [
      ...HEADINGS,
      "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup",
      "blockquote", "pre", "code", "hr", "ul", "ol", "li", "dl", "dt", "dd",
      "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a",
    ],
    allowedAttributes: { a: ["href", "title", "rel", "target"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (_tag, attribs) => ({ tagName: "a", attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" } }),
    },
  });
}
