import { BlockList, isIPv4, isIPv6 } from 'node:net';

/*
 * Addresses a webhook may not be sent to (server-side request forgery, decision 052): loopback, link-local, private,
 * unique-local, unspecified, carrier-grade NAT, multicast and reserved ranges, IPv4 and IPv6. IPv4 inside IPv6
 * (::ffff:a.b.c.d, and NAT64 64:ff9b::/96) is checked as the IPv4 address it carries.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
	['0.0.0.0', 8], // "this network", 0.0.0.0 unspecified
	['10.0.0.0', 8],
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8],
	['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4], // multicast
	['240.0.0.0', 4] // reserved, 255.255.255.255 broadcast
] as const)
	blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
	['::', 128], // unspecified
	['::1', 128], // loopback
	['fe80::', 10], // link-local
	['fec0::', 10], // site-local (deprecated)
	['fc00::', 7], // unique-local
	['ff00::', 8], // multicast
	['2001:db8::', 32], // documentation
	['100::', 64] // discard
] as const)
	blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address an IPv6 address carries in its last 32 bits when it is IPv4-mapped (::ffff:0:0/96) or NAT64. */
export function embeddedIPv4(address: string): string | null {
	const lower = address.toLowerCase();
	const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(.+)$/.exec(lower) ?? /^64:ff9b::(.+)$/.exec(lower);
	if (!mapped) return null;
	const tail = mapped[1];
	if (isIPv4(tail)) return tail;
	const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(tail);
	if (!hex) return null;
	const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
	return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether a webhook may not go to this IP address. Anything that is not an IP address counts as forbidden. */
export function isForbiddenAddress(address: string): boolean {
	const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	if (isIPv4(ip)) return blocked.check(ip, 'ipv4');
	if (!isIPv6(ip)) return true;
	const v4 = embeddedIPv4(ip);
	if (v4) return blocked.check(v4, 'ipv4');
	return blocked.check(ip, 'ipv6');
}
