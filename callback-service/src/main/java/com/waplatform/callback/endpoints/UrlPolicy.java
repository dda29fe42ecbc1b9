package com.waplatform.callback.endpoints;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import com.waplatform.callback.endpoints.domain.AddressRules;
import com.waplatform.callback.endpoints.domain.Refusal;
import com.waplatform.callback.endpoints.domain.UrlRules;
import com.waplatform.callback.web.CallbackProblems;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Checks a callback URL when it is registered or changed ({@link UrlRules}), and resolves
 * its host to judge every address it names ({@link AddressRules}): a host name pointing
 * at a private address is refused like the address itself. The lookup is the JDK's
 * (blocking), so it runs on the bounded-elastic scheduler, never on an event loop. The
 * address is judged again at every delivery (DNS may change meanwhile: rebinding), by the
 * delivery client's resolver. A refusal is a 422 problem naming the rule.
 */
@Component
public class UrlPolicy {

	private final UrlPolicyProperties properties;

	UrlPolicy(UrlPolicyProperties properties) {
		this.properties = properties;
	}

	/** The URL when it may receive callbacks; else a 422 problem. */
	public Mono<URI> check(String url) {
		UrlRules.Checked checked = UrlRules.check(url, this.properties.allowLocalHttp());
		if (checked.refusal() != null) {
			return Mono.error(CallbackProblems.urlRefused(checked.refusal()));
		}
		URI uri = checked.uri();
		if (this.properties.allowLocalHttp() || UrlRules.literal(uri.getHost()) != null) {
			return Mono.just(uri);
		}
		return Mono.fromCallable(() -> refusal(uri.getHost()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((refusal) -> (refusal.rule().isEmpty()) ? Mono.just(uri)
					: Mono.error(CallbackProblems.urlRefused(refusal)));
	}

	/** Why a host is refused; a refusal with an empty rule when it is not. */
	private static Refusal refusal(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return new Refusal("resolvable-host", "The host " + host + " does not resolve");
		}
		for (InetAddress address : addresses) {
			Refusal refusal = AddressRules.check(address);
			if (refusal != null) {
				return new Refusal(refusal.rule(), host + " resolves to " + refusal.message());
			}
		}
		return new Refusal("", "");
	}

}
