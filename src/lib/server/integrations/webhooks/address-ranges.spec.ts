import { describe, expect, it } from 'vitest';
import { embeddedIPv4, isForbiddenAddress } from './address-ranges';

describe('webhook address ranges', () => {
	it('refuses IPv4 loopback, private, link-local, unspecified, carrier-grade NAT and multicast addresses', () => {
		for (const ip of [
			'127.0.0.1',
			'127.255.0.9',
			'10.0.0.1',
			'172.16.0.1',
			'172.31.255.255',
			'192.168.1.10',
			'169.254.169.254',
			'0.0.0.0',
			'100.64.0.1',
			'224.0.0.1',
			'255.255.255.255'
		])
			expect(isForbiddenAddress(ip), ip).toBe(true);
	});

	it('lets public IPv4 addresses through, also those just outside the private ranges', () => {
		for (const ip of ['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '11.0.0.1', '192.169.0.1', '100.128.0.1'])
			expect(isForbiddenAddress(ip), ip).toBe(false);
	});

	it('refuses IPv6 loopback, unspecified, link-local, unique-local and multicast addresses', () => {
		for (const ip of ['::1', '::', 'fe80::1', 'fe80::1%eth0', 'fd12:3456::1', 'fc00::1', 'ff02::1', '[::1]'])
			expect(isForbiddenAddress(ip), ip).toBe(true);
	});

	it('lets public IPv6 addresses through', () => {
		for (const ip of ['2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) expect(isForbiddenAddress(ip), ip).toBe(false);
	});

	it('checks IPv4-mapped and NAT64 IPv6 addresses as the IPv4 address inside them', () => {
		expect(embeddedIPv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
		expect(embeddedIPv4('::ffff:7f00:1')).toBe('127.0.0.1');
		expect(isForbiddenAddress('::ffff:127.0.0.1')).toBe(true);
		expect(isForbiddenAddress('::ffff:7f00:1')).toBe(true);
		expect(isForbiddenAddress('::ffff:a9fe:a9fe')).toBe(true);
		expect(isForbiddenAddress('64:ff9b::10.0.0.1')).toBe(true);
		expect(isForbiddenAddress('::ffff:8.8.8.8')).toBe(false);
	});

	it('treats anything that is not an IP address as forbidden', () => {
		expect(isForbiddenAddress('localhost')).toBe(true);
		expect(isForbiddenAddress('')).toBe(true);
	});
});
