import { BlockList, isIP } from 'node:net';

/**
 * Which URLs a webhook may be sent to (docs/webhooks.md, "Receiver URLs"). A province administrator types the URL
 * and motcua's server calls it, so the rule keeps the server from being turned against its own network (SSRF):
 * - never: link-local addresses (169.254.0.0/16, fe80::/10: the cloud metadata services at 169.254.169.254),
 *   unspecified, multicast and reserved addresses, and the metadata services' host names; no user:password@ in
 *   the URL;
 * - loopback (127.0.0.0/8, ::1, localhost): only when the installation allows private receivers
 *   (MOTCUA_WEBHOOKS_ALLOW_PRIVATE_HTTP=true, for a receiver beside motcua and for tests);
 * - private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): https always (a province's integration
 *   platform often sits there), http only when the installation allows private receivers;
 * - anything else: https only.
 * A host name is checked again on every delivery against the addresses it resolves to (the socket's lookup), so a
 * name pointing at a forbidden address — or one changed to do so later — is never connected to.
 */
export type AddressClass = 'forbidden' | 'loopback' | 'private' | 'public';

export type UrlRefusal = { vi: string; en: string };

const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4');
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN.addSubnet('224.0.0.0', 4, 'ipv4');
FORBIDDEN.addSubnet('240.0.0.0', 4, 'ipv4');
FORBIDDEN.addSubnet('192.0.0.0', 24, 'ipv4');
FORBIDDEN.addAddress('::', 'ipv6');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN.addSubnet('ff00::', 8, 'ipv6');
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** Host names of cloud metadata services (they resolve to link-local addresses, refused anyway). */
const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal']);

/** The class of an IP address; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is classed as its IPv4 address. */
export const classifyAddress = (address: string): AddressClass => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (FORBIDDEN.check(ip, family)) {
    return 'forbidden';
  }
  if (LOOPBACK.check(ip, family)) {
    return 'loopback';
  }
  return PRIVATE.check(ip, family) ? 'private' : 'public';
};

const refusal = (vi: string, en: string): UrlRefusal => ({ vi, en });

/** Whether a connection to an address of this class is allowed for this scheme; the refusal when it is not. */
export const refuseAddress = (
  protocol: 'http:' | 'https:',
  kind: AddressClass,
  allowPrivateHttp: boolean,
): UrlRefusal | undefined => {
  if (kind === 'forbidden') {
    return refusal(
      'địa chỉ liên kết cục bộ, dành riêng hoặc dịch vụ siêu dữ liệu không được phép',
      'link-local, reserved and metadata-service addresses are not allowed',
    );
  }
  if (kind === 'loopback' && !allowPrivateHttp) {
    return refusal('không gửi tới chính máy chủ (localhost)', 'the server itself (localhost) is not allowed');
  }
  if (protocol === 'http:' && kind === 'public') {
    return refusal('địa chỉ công khai phải dùng https', 'a public address must use https');
  }
  if (protocol === 'http:' && !allowPrivateHttp) {
    return refusal(
      'phải dùng https (http chỉ được phép trong mạng nội bộ khi cài đặt cho phép)',
      'https is required (http only on a private network when the installation allows it)',
    );
  }
  return undefined;
};

/**
 * Checks a receiver URL as typed (no DNS lookup: names are checked at each delivery). Answers the normalised URL,
 * or why it is refused.
 */
export const checkWebhookUrl = (
  input: string,
  options: { allowPrivateHttp: boolean },
): { ok: true; url: string } | { ok: false; reason: UrlRefusal } => {
  if (!URL.canParse(input)) {
    return { ok: false, reason: refusal('không phải địa chỉ URL', 'not a URL') };
  }
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: refusal('chỉ dùng http hoặc https', 'only http and https are allowed') };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason: refusal('không ghi tên đăng nhập, mật khẩu trong URL', 'no user name or password in the URL'),
    };
  }
  if (url.hash !== '') {
    return { ok: false, reason: refusal('không dùng phần #… trong URL', 'no #fragment in the URL') };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (METADATA_HOSTS.has(host)) {
    return {
      ok: false,
      reason: refusal('dịch vụ siêu dữ liệu không được phép', 'metadata services are not allowed'),
    };
  }
  const kind: AddressClass | 'name' =
    isIP(host) !== 0
      ? classifyAddress(host)
      : host === 'localhost' || host.endsWith('.localhost')
        ? 'loopback'
        : 'name';
  if (kind === 'name') {
    // A name: http only where private receivers are allowed (its addresses must then be private, at delivery).
    const refused = url.protocol === 'http:' ? refuseAddress('http:', 'private', options.allowPrivateHttp) : undefined;
    return refused ? { ok: false, reason: refused } : { ok: true, url: url.toString() };
  }
  const refused = refuseAddress(url.protocol, kind, options.allowPrivateHttp);
  return refused ? { ok: false, reason: refused } : { ok: true, url: url.toString() };
};
