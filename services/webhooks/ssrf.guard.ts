/**
 * The SSRF guard with its I/O: resolves a webhook host and refuses it unless EVERY address it
 * resolves to is allowed. Used when a webhook is saved and again at connect time of every delivery
 * (as the socket's `lookup`), so DNS rebinding between check and connect gains nothing: the socket
 * connects to exactly the address that was checked.
 */
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { UnsafeWebhookUrlError } from './errors.js';
import { addressVerdict, parseWebhookUrl, type WebhookTarget } from './ssrf.js';

/** Resolves a hostname to all its addresses (injectable: tests map names to private addresses). */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: HostLookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** The callback shape `net.connect({lookup})` uses (with or without `all`). */
export type ConnectLookup = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface SsrfGuard {
  readonly allowLoopback: boolean;
  /** Parses and resolves a URL; throws UnsafeWebhookUrlError (code webhook_url_unsafe) when refused. */
  checkUrl(raw: string): Promise<{ target: WebhookTarget; addresses: LookupAddress[] }>;
  /** Allowed addresses of `host`, or UnsafeWebhookUrlError. */
  resolve(host: string): Promise<LookupAddress[]>;
  /** For `http.request({lookup})`: the same check, applied to the address the socket will use. */
  connectLookup: ConnectLookup;
}

export function createSsrfGuard(opts: { allowLoopback: boolean; lookup?: HostLookup }): SsrfGuard {
  const lookup = opts.lookup ?? systemLookup;
  const allowLoopback = opts.allowLoopback;

  async function resolve(host: string): Promise<LookupAddress[]> {
    const literal = parseWebhookUrl(`http://${host.includes(':') ? `[${host}]` : host}/`);
    let addresses: LookupAddress[];
    if (literal.ok && literal.target.literal) addresses = [{ address: literal.target.host, family: host.includes(':') ? 6 : 4 }];
    else {
      try {
        addresses = await lookup(host);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'ENOTFOUND';
        throw new UnsafeWebhookUrlError('unresolvable', `the webhook host "${host}" could not be resolved (${code})`);
      }
    }
    if (addresses.length === 0) throw new UnsafeWebhookUrlError('unresolvable', `the webhook host "${host}" has no addresses`);
    for (const a of addresses) {
      const v = addressVerdict(a.address, { allowLoopback });
      if (!v.ok) throw new UnsafeWebhookUrlError(v.reason, v.message);
    }
    return addresses;
  }

  return {
    allowLoopback,
    resolve,
    async checkUrl(raw) {
      const parsed = parseWebhookUrl(raw);
      if (!parsed.ok) throw new UnsafeWebhookUrlError(parsed.reason, parsed.message);
      return { target: parsed.target, addresses: await resolve(parsed.target.host) };
    },
    connectLookup(hostname, options, callback) {
      resolve(hostname).then(
        (addresses) => {
          if (options.all) callback(null, addresses);
          else callback(null, addresses[0]!.address, addresses[0]!.family);
        },
        (err: unknown) => callback(err as NodeJS.ErrnoException, ''),
      );
    },
  };
}
