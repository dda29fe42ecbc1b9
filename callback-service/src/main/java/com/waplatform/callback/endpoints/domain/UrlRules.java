package com.waplatform.callback.endpoints.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The shape a callback URL must have: absolute, {@code https} (or {@code http} in
 * development), a host, no user information (credentials do not belong in a URL that is
 * shown back), no fragment, at most {@value #MAX_LENGTH} characters. A host written as an
 * IP address is judged here too ({@link AddressRules}); a host name is resolved by the
 * caller, which judges every address it resolves to.
 */
public final class UrlRules {

	public static final int MAX_LENGTH = 2048;

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private UrlRules() {
	}

	/**
	 * Reads a callback URL.
	 * @param allowLocalHttp development: {@code http} and any address are allowed
	 */
	public static Checked check(String url, boolean allowLocalHttp) {
		if (url.length() > MAX_LENGTH) {
			return refused("url-too-long", "The URL is longer than " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return refused("absolute-url", "Not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || scheme == null) {
			return refused("absolute-url", "The URL must be absolute, with a scheme and a host");
		}
		if (!scheme.equals("https") && !(allowLocalHttp && scheme.equals("http"))) {
			return refused("https-required", allowLocalHttp ? "The URL must use https or http"
					: "The URL must use https (http is allowed only with callbacks.allow-local-http)");
		}
		if (uri.getRawUserInfo() != null) {
			return refused("no-credentials", "The URL may not carry a user name or password");
		}
		if (uri.getRawFragment() != null) {
			return refused("no-fragment", "The URL may not have a fragment");
		}
		String host = uri.getHost();
		InetAddress literal = literal(host);
		if (literal != null && !allowLocalHttp) {
			Refusal refusal = AddressRules.check(literal);
			if (refusal != null) {
				return new Checked(null, refusal);
			}
		}
		return new Checked(uri, null);
	}

	/** The address a host names when it is written as one (no DNS lookup), else null. */
	public static @Nullable InetAddress literal(String host) {
		boolean ipv6 = host.startsWith("[") && host.endsWith("]");
		if (!ipv6 && !IPV4_LITERAL.matcher(host).matches()) {
			return null;
		}
		try {
			// a literal is parsed, never looked up
			return InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static Checked refused(String rule, String message) {
		return new Checked(null, new Refusal(rule, message));
	}

	/**
	 * A URL that passed ({@code uri} set) or the rule it breaks ({@code refusal} set).
	 */
	public record Checked(@Nullable URI uri, @Nullable Refusal refusal) {

	}

}
