// Where a webhook may be sent (no SSRF): the host is resolved, and every address it resolves to must
// be public unicast — not loopback, private, link-local, unique-local, CGNAT, multicast, unspecified,
// reserved or a cloud metadata address — unless the host is in WEBHOOK_ALLOWED_HOSTS. The delivery
// then connects to the very address checked here, so a second DNS answer cannot redirect it.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** Cloud metadata services, named although their ranges (link-local, unique-local) are refused anyway. */
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254"]);

export type AddressCheck =
  | { ok: true; address: string; family: 4 | 6 }
  | { ok: false; reason: "unresolvable" | "forbidden_address" | "protocol"; detail: string };

/** Whether an address is public unicast (IPv4-mapped IPv6 judged as the IPv4 address it carries). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (METADATA.has(parsed.toNormalizedString()) || METADATA.has(parsed.toString())) return false;
  return parsed.range() === "unicast";
}

/** The URL's host as the allowlist and the resolver see it: lower case, IPv6 without brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
}

/**
 * Resolves the URL's host and picks the address to connect to: the first one, once every address
 * is allowed (a host answering with one public and one private address is refused, as the resolver
 * of the moment could give either).
 */
export async function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): Promise<AddressCheck> {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: "protocol", detail: url.protocol };
  }
  const host = hostOf(url);
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch (error) {
    return {
      ok: false,
      reason: "unresolvable",
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const first = addresses[0];
  if (!first) return { ok: false, reason: "unresolvable", detail: host };
  const allowed = allowedHosts.includes(host);
  const refused = addresses.find((a) => !allowed && !isPublicAddress(a.address));
  if (refused) return { ok: false, reason: "forbidden_address", detail: `${host} → ${refused.address}` };
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}
