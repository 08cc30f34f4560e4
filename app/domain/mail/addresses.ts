// Strict checks for what goes into an outgoing message's headers. Browser-safe: the letter form uses the same
// rules as the server. We accept only a bare address (local@domain), never the exotic RFC 5322 forms
// (comments, groups, quoted local parts, display names): they are how header injection and misdelivery happen,
// and no records office needs them.

export type AddressCheck = { ok: true; address: string } | { ok: false; message: string };

const ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-";
const LOCAL_PART = new RegExp(`^[${ATEXT}]+(\\.[${ATEXT}]+)*$`);
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const EXAMPLE = "like records@city.gov";

/** A header value's problem, or null: no line breaks (header injection) or other control characters. */
export function headerValueProblem(value: string, label: string): string | null {
  if (/[\r\n]/.test(value)) return `${label} can't contain line breaks`;
  // Tab is allowed in header values; every other control character is not.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return `${label} can't contain control characters`;
  return null;
}

/** Checks one recipient address strictly; on success returns it with the domain lower-cased. */
export function checkEmailAddress(input: string, label = "Email address"): AddressCheck {
  const fail = (message: string): AddressCheck => ({ ok: false, message });
  const headerProblem = headerValueProblem(input, label);
  if (headerProblem) return fail(headerProblem);
  const value = input.trim();
  if (!value) return fail(`${label} is required`);
  if (value.includes(":")) return fail(`${label}: groups ("name: addresses;") aren't accepted; enter one address ${EXAMPLE}`);
  if (/[,;]/.test(value)) return fail(`${label}: enter one address only, ${EXAMPLE}`);
  if (/[()]/.test(value)) return fail(`${label}: comments in parentheses aren't accepted; enter just the address, ${EXAMPLE}`);
  if (value.includes('"')) return fail(`${label}: quoted addresses aren't accepted; enter a plain address ${EXAMPLE}`);
  if (/[<>]/.test(value)) return fail(`${label}: enter just the address, without a name or angle brackets, ${EXAMPLE}`);
  if (/\s/.test(value)) return fail(`${label} can't contain spaces`);
  if (/[^\x21-\x7e]/.test(value)) return fail(`${label}: use the plain ASCII form of the address`);
  if (value.length > 254) return fail(`${label} is too long (at most 254 characters)`);
  const at = value.split("@");
  if (at.length !== 2) return fail(`${label} must be one address with a single @, ${EXAMPLE}`);
  const [local, domain] = at as [string, string];
  if (!local) return fail(`${label} needs a name before the @, ${EXAMPLE}`);
  if (local.length > 64) return fail(`${label}: the part before the @ is too long (at most 64 characters)`);
  if (!LOCAL_PART.test(local)) return fail(`${label}: the part before the @ has characters or dots that aren't allowed`);
  if (!domain) return fail(`${label} needs a domain after the @, ${EXAMPLE}`);
  if (domain.startsWith("[")) return fail(`${label}: IP address literals aren't accepted; use the domain name`);
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) {
    return fail(`${label}: "${domain}" is not a valid domain name`);
  }
  if (!/^[A-Za-z]{2,63}$/.test(labels[labels.length - 1]!)) return fail(`${label}: "${domain}" does not end in a valid top-level domain`);
  return { ok: true, address: `${local}@${domain.toLowerCase()}` };
}
