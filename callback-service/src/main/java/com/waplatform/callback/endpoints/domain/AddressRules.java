package com.waplatform.callback.endpoints.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The addresses a callback may not be posted to outside development, so that nobody can
 * make the platform call into its own network (SSRF): unspecified, loopback, link-local
 * (cloud metadata services live at 169.254.169.254), private (RFC 1918 and carrier-grade
 * NAT 100.64.0.0/10), unique-local IPv6 ({@code fc00::/7}, and the deprecated site-local
 * {@code fec0::/10}), multicast and broadcast. IPv4 addresses embedded in IPv6
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible and NAT64 {@code 64:ff9b::/96})
 * are judged as the IPv4 address they carry.
 */
public final class AddressRules {

	private static final byte[] NAT64_PREFIX = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

	private AddressRules() {
	}

	/** Why the address is refused, or null when a callback may be posted to it. */
	public static @Nullable Refusal check(InetAddress address) {
		if (address instanceof Inet6Address) {
			Inet4Address embedded = embeddedIpv4(address.getAddress());
			if (embedded != null) {
				return check(embedded);
			}
		}
		String shown = address.getHostAddress();
		if (address.isAnyLocalAddress() || isZeroNetwork(address)) {
			return refused("unspecified-address", shown + " is an unspecified address");
		}
		if (address.isLoopbackAddress()) {
			return refused("loopback-address", shown + " is a loopback address");
		}
		if (address.isLinkLocalAddress()) {
			return refused("link-local-address", shown + " is a link-local address");
		}
		if (address.isMulticastAddress()) {
			return refused("multicast-address", shown + " is a multicast address");
		}
		if (isUniqueLocal(address)) {
			return refused("unique-local-address", shown + " is a unique-local IPv6 address");
		}
		if (address.isSiteLocalAddress() || isSharedAddressSpace(address)) {
			return refused("private-address", shown + " is a private network address");
		}
		if (isBroadcast(address)) {
			return refused("broadcast-address", shown + " is the broadcast address");
		}
		return null;
	}

	private static Refusal refused(String rule, String message) {
		return new Refusal(rule, message + ": callbacks go to public addresses only");
	}

	private static boolean isZeroNetwork(InetAddress address) {
		return address instanceof Inet4Address && address.getAddress()[0] == 0;
	}

	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	/** 100.64.0.0/10 (RFC 6598), carrier-grade NAT: not reachable from the internet. */
	private static boolean isSharedAddressSpace(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
	}

	private static boolean isBroadcast(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address && (bytes[0] & bytes[1] & bytes[2] & bytes[3] & 0xff) == 0xff;
	}

	private static @Nullable Inet4Address embeddedIpv4(byte[] bytes) {
		boolean zeros = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
		boolean mapped = zeros && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
		boolean compatible = zeros && bytes[10] == 0 && bytes[11] == 0 && !allZeroOrLoopback(bytes);
		boolean nat64 = Arrays.equals(bytes, 0, 12, NAT64_PREFIX, 0, 12);
		if (!mapped && !compatible && !nat64) {
			return null;
		}
		try {
			return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
		}
		catch (UnknownHostException ex) {
			// four bytes are always an IPv4 address
			throw new IllegalStateException(ex);
		}
	}

	/** {@code ::} and {@code ::1} are IPv6's own, not IPv4-compatible addresses. */
	private static boolean allZeroOrLoopback(byte[] bytes) {
		return Arrays.equals(bytes, 0, 15, new byte[15], 0, 15) && (bytes[15] == 0 || bytes[15] == 1);
	}

}
