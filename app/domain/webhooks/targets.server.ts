import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { env } from "../../utils/env.server";

// Where a webhook may be sent. In production only to public HTTPS addresses: the host is resolved and refused
// when any of its addresses is loopback, private, link-local or otherwise not on the public internet (so an
// endpoint can't be used to reach the app's own network). Checked when an endpoint is saved and again at each
// delivery, at connection time (a name that resolved to a public address yesterday may not today).

/** Tests (NODE_ENV=test) and WEBHOOKS_ALLOW_PRIVATE=1: http://localhost and private addresses allowed. */
export function privateTargetsAllowed(): boolean {
  return env.NODE_ENV === "test" || env.WEBHOOKS_ALLOW_PRIVATE === true;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is outside the public internet (loopback, RFC 1918, link-local, CGNAT, ULA, …). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const lower = address.toLowerCase();
    // IPv4-mapped (::ffff:10.0.0.1) and IPv4-compatible forms: judge the IPv4 address inside.
    const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    if (lower.startsWith("::ffff:")) return true;
    return blocked.check(lower, "ipv6");
  }
  return true;
}

const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The URL's hostname without IPv6 brackets. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/**
 * The first problem with an endpoint's URL before anything is resolved (scheme, credentials, local names), or
 * null. Plain http only to localhost/127.0.0.1, and only where private targets are allowed.
 */
export function urlShapeProblem(url: URL, allowPrivate: boolean = privateTargetsAllowed()): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// address";
  if (url.username || url.password) return "Leave the user name and password out of the address: deliveries are signed instead";
  if (url.hash) return "Leave out the #fragment";
  const host = url.hostname.toLowerCase();
  if (url.protocol === "http:") {
    if (allowPrivate && LOCAL_NAMES.has(host)) return null;
    return "Use an https:// address: deliveries carry your requests' details";
  }
  if (!host.includes(".") && !isIP(bareHost(url)) && !(allowPrivate && LOCAL_NAMES.has(host))) return "Use a full host name (e.g. hooks.example.org)";
  return null;
}

type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

const lookupAll: LookupAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * Resolves the URL's host and returns the first problem: it doesn't resolve, or (unless private targets are
 * allowed) one of its addresses is not public. Null when it may be delivered to.
 */
export async function targetProblem(url: URL, resolve: LookupAll = lookupAll, allowPrivate: boolean = privateTargetsAllowed()): Promise<string | null> {
  const shape = urlShapeProblem(url, allowPrivate);
  if (shape) return shape;
  const host = bareHost(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolve(host)).map((a) => a.address);
    } catch {
      return `The host ${host} could not be found: check the address`;
    }
  }
  if (addresses.length === 0) return `The host ${host} could not be found: check the address`;
  if (allowPrivate) return null;
  const inside = addresses.find(isPrivateAddress);
  return inside ? `${host} is a private or local address (${inside}); webhooks go only to public internet addresses` : null;
}

/**
 * A `lookup` for http(s).request that refuses private addresses at connection time (unless allowed), so a
 * DNS answer that changed since the endpoint was saved can't point a delivery inside the network.
 */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const allowed = privateTargetsAllowed() ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
    if (allowed.length === 0 || allowed.length !== addresses.length) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private or local address`), { code: "EPRIVATE" }), "", 0);
    }
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}
