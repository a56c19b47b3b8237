/**
 * SSRF rules as pure functions: which addresses a webhook may reach and which URLs are acceptable.
 * No I/O here; `ssrf.guard.ts` resolves names and applies these rules to every resolved address.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unique_local'
  | 'ipv4_mapped'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

export type Verdict = { ok: true; kind: AddressKind } | { ok: false; kind: AddressKind; reason: string; message: string };

type Cidr4 = [number, number, AddressKind];
const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Special-purpose IPv4 blocks (RFC 6890 and friends); anything else is public. */
const V4_BLOCKS: Cidr4[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'private'], // carrier-grade NAT: internal to a provider
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link_local'], // includes the cloud metadata service 169.254.169.254
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'reserved'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'reserved'],
  [v4(203, 0, 113, 0), 24, 'reserved'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'], // includes 255.255.255.255
];

function parseV4(ip: string): number {
  const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
  return v4(a, b, c, d);
}

export function classifyIPv4(ip: string): AddressKind {
  const n = parseV4(ip);
  for (const [base, bits, kind] of V4_BLOCKS) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((n & mask) >>> 0) === base) return kind;
  }
  return 'public';
}

/** Eight 16-bit groups of an IPv6 address (a dotted IPv4 tail is folded into the last two). */
export function ipv6Groups(ip: string): number[] {
  let s = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = parseV4(dotted[1]!);
    s = `${s.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = s.includes('::') ? (s.split('::') as [string, string]) : [s, undefined];
  const parse = (part: string) => (part ? part.split(':').filter((g) => g !== '').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const r = rest === undefined ? [] : parse(rest);
  const fill = rest === undefined ? 0 : 8 - h.length - r.length;
  return [...h, ...Array<number>(fill).fill(0), ...r];
}

const embeddedV4 = (hi: number, lo: number) => `${hi >>> 8}.${hi & 0xff}.${lo >>> 8}.${lo & 0xff}`;

export function classifyIPv6(ip: string): AddressKind {
  const g = ipv6Groups(ip);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d — an IPv4 address in IPv6 clothing; never a legitimate webhook target.
  if (zeros(0, 5) && g[5] === 0xffff) return 'ipv4_mapped';
  if (zeros(0, 6)) return 'reserved'; // deprecated IPv4-compatible ::a.b.c.d
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach an embedded IPv4 address: judge that one.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return classifyIPv4(embeddedV4(g[6]!, g[7]!));
  if (g[0] === 0x2002) return classifyIPv4(embeddedV4(g[1]!, g[2]!));
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'unique_local'; // fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'link_local'; // fe80::/10
  if ((first & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local fec0::/10
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (first === 0x2001 && g[1] === 0) return 'reserved'; // Teredo hides an IPv4 peer
  if (first === 0x0100 && zeros(1, 4)) return 'reserved'; // discard-only 100::/64
  return 'public';
}

export function classifyAddress(ip: string): AddressKind {
  if (isIPv4(ip)) return classifyIPv4(ip);
  if (isIPv6(ip) && !ip.includes('%')) return classifyIPv6(ip);
  return 'reserved';
}

const REFUSAL: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: 'a loopback address',
  private: 'a private network address',
  link_local: 'a link-local address (such as the cloud metadata service)',
  unique_local: 'a unique-local IPv6 address',
  ipv4_mapped: 'an IPv4-mapped IPv6 address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved or special-purpose address',
};

/** May a webhook connect to `ip`? `allowLoopback` (development only) opens loopback and nothing else. */
export function addressVerdict(ip: string, opts: { allowLoopback: boolean }): Verdict {
  const kind = classifyAddress(ip);
  if (kind === 'public' || (kind === 'loopback' && opts.allowLoopback)) return { ok: true, kind };
  return { ok: false, kind, reason: kind, message: `the webhook URL resolves to ${REFUSAL[kind]} (${ip}), which is not allowed` };
}

export interface WebhookTarget {
  url: URL;
  /** The hostname without IPv6 brackets. */
  host: string;
  /** An IP literal needs no DNS lookup. */
  literal: boolean;
}

export type UrlVerdict = { ok: true; target: WebhookTarget } | { ok: false; reason: string; message: string };

/** The shape rules: absolute http(s) URL, no credentials, a host, a sane length. */
export function parseWebhookUrl(raw: string): UrlVerdict {
  if (raw.length > 2048) return { ok: false, reason: 'too_long', message: 'the webhook URL is longer than 2048 characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid_url', message: 'the webhook URL is not a valid absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'scheme', message: `the webhook URL must use http or https, not ${url.protocol.replace(':', '')}` };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials', message: 'the webhook URL must not contain credentials' };
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!host) return { ok: false, reason: 'invalid_url', message: 'the webhook URL has no host' };
  return { ok: true, target: { url, host, literal: isIPv4(host) || isIPv6(host) } };
}
