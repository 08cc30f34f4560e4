// Which pages search engines may index: the public request pages and the public deadline calculator.
// Everything else carries noindex (a <meta> in the page and an X-Robots-Tag header on every response).

const INDEXABLE = [/^\/r\/?$/, /^\/r\/[^/]+\/?$/, /^\/deadlines\/?$/];

export function isIndexablePath(pathname: string): boolean {
  return INDEXABLE.some((pattern) => pattern.test(pathname));
}
