import { describe, expect, it } from '@jest/globals';
import { createSsrfGuard } from '../../../services/webhooks/ssrf.guard.js';
import { addressVerdict, classifyAddress, ipv6Groups, parseWebhookUrl } from '../../../services/webhooks/ssrf.js';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'unique_local'],
    ['fc12:3456::1', 'unique_local'],
    ['fe80::1', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4_mapped'],
    ['::ffff:7f00:1', 'ipv4_mapped'],
    ['::ffff:8.8.8.8', 'ipv4_mapped'],
    ['64:ff9b::a9fe:a9fe', 'link_local'], // NAT64 of 169.254.169.254
    ['2002:0a00:0001::1', 'private'], // 6to4 of 10.0.0.1
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['fe80::1%eth0', 'reserved'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it('expands IPv6 with an IPv4 tail', () => {
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(ipv6Groups('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  });

  it('opens loopback only, and only when allowed', () => {
    expect(addressVerdict('127.0.0.1', { allowLoopback: false }).ok).toBe(false);
    expect(addressVerdict('127.0.0.1', { allowLoopback: true }).ok).toBe(true);
    expect(addressVerdict('::1', { allowLoopback: true }).ok).toBe(true);
    for (const ip of ['10.0.0.1', '169.254.169.254', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(addressVerdict(ip, { allowLoopback: true }).ok).toBe(false);
    }
  });
});

describe('parseWebhookUrl', () => {
  it.each([
    ['ftp://example.com/x', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.com', 'scheme'],
    ['https://user:pw@example.com/', 'credentials'],
    ['not a url', 'invalid_url'],
  ])('refuses %s (%s)', (url, reason) => {
    const v = parseWebhookUrl(url);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toBe(reason);
  });

  it('normalises numeric IPv4 forms to the address they mean', () => {
    const v = parseWebhookUrl('http://2130706433/hook');
    expect(v.ok && v.target).toMatchObject({ host: '127.0.0.1', literal: true });
    const w = parseWebhookUrl('http://[::ffff:169.254.169.254]/');
    expect(w.ok && w.target.literal).toBe(true);
  });
});

describe('SSRF guard (injected DNS)', () => {
  const dns: Record<string, string[]> = {
    'hooks.example.com': ['93.184.216.34'],
    'internal.example.com': ['10.0.0.7'],
    'metadata.example.com': ['169.254.169.254'],
    'mixed.example.com': ['93.184.216.34', '192.168.0.10'],
    'v6-private.example.com': ['fd12::5'],
    'mapped.example.com': ['::ffff:10.0.0.1'],
    'loop.example.com': ['127.0.0.1'],
  };
  const lookup = async (host: string) => {
    const a = dns[host];
    if (!a) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return a.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const guard = createSsrfGuard({ allowLoopback: false, lookup });

  it('accepts a host resolving to public addresses', async () => {
    await expect(guard.checkUrl('https://hooks.example.com/in')).resolves.toMatchObject({ addresses: [{ address: '93.184.216.34' }] });
  });

  it.each([
    ['http://internal.example.com/', 'private'],
    ['http://metadata.example.com/latest/meta-data', 'link_local'],
    ['http://mixed.example.com/', 'private'],
    ['http://v6-private.example.com/', 'unique_local'],
    ['http://mapped.example.com/', 'ipv4_mapped'],
    ['http://loop.example.com/', 'loopback'],
    ['http://169.254.169.254/', 'link_local'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://nowhere.example.com/', 'unresolvable'],
  ])('refuses %s (%s)', async (url, reason) => {
    await expect(guard.checkUrl(url)).rejects.toMatchObject({ code: 'webhook_url_unsafe', status: 422, reason });
  });

  it('with WEBHOOK_ALLOW_LOOPBACK, loopback names pass but private ones still do not', async () => {
    const dev = createSsrfGuard({ allowLoopback: true, lookup });
    await expect(dev.checkUrl('http://loop.example.com:9000/')).resolves.toBeDefined();
    await expect(dev.checkUrl('http://internal.example.com/')).rejects.toMatchObject({ reason: 'private' });
  });

  it('applies the same check in the connect-time lookup', async () => {
    const res = await new Promise<{ err: unknown; addr: unknown }>((resolve) =>
      guard.connectLookup('metadata.example.com', { all: true }, (err, addr) => resolve({ err, addr })),
    );
    expect(res.err).toMatchObject({ reason: 'link_local' });
    const ok = await new Promise<{ err: unknown; addr: unknown }>((resolve) =>
      guard.connectLookup('hooks.example.com', {}, (err, addr) => resolve({ err, addr })),
    );
    expect(ok).toEqual({ err: null, addr: '93.184.216.34' });
  });
});
