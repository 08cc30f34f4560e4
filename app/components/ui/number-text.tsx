const integer = new Intl.NumberFormat("en-US");
const formats = new Map<string, Intl.NumberFormat>();

function formatter(options: Intl.NumberFormatOptions | undefined): Intl.NumberFormat {
  if (!options) return integer;
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", options);
    formats.set(key, f);
  }
  return f;
}

/** A number as pages show it: en-US grouping ("12,345"), whatever the server's or the browser's locale. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return formatter(options).format(value);
}

/** "1 request", "12,345 requests" (the plural is the noun with an s unless given). */
export function countOf(value: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(value)} ${value === 1 ? noun : plural}`;
}

/**
 * A number in a page: `<NumberText value={12345} />` → "12,345"; with `noun`, "12,345 requests"; with
 * `capped`, "more than 12,345"; `percent` takes a share (0.42 → "42%").
 */
export function NumberText({
  value,
  noun,
  plural,
  capped = false,
  percent = false,
  maximumFractionDigits,
}: {
  value: number;
  noun?: string;
  plural?: string;
  capped?: boolean;
  percent?: boolean;
  maximumFractionDigits?: number;
}) {
  const options: Intl.NumberFormatOptions | undefined = percent
    ? { style: "percent", maximumFractionDigits: maximumFractionDigits ?? 0 }
    : maximumFractionDigits !== undefined
      ? { maximumFractionDigits }
      : undefined;
  const number = formatNumber(value, options);
  const words = noun ? `${number} ${value === 1 ? noun : (plural ?? `${noun}s`)}` : number;
  return <span className="num-text">{capped ? `more than ${words}` : words}</span>;
}
