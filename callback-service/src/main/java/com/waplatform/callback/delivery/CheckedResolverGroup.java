package com.waplatform.callback.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import com.waplatform.callback.endpoints.domain.AddressRules;
import com.waplatform.callback.endpoints.domain.Refusal;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import reactor.core.scheduler.Scheduler;

/**
 * The delivery client's name resolution: the host of a callback URL is resolved at every
 * connection and each address it resolves to is judged again ({@link AddressRules}), and
 * the connection goes to the very address that was judged. So a host that resolved to a
 * public address when it was registered and to a private one now (DNS rebinding) is
 * refused, with no window between the check and the connection. The JDK's lookup blocks,
 * so it runs on {@code lookups} (bounded-elastic), never on the event loop; the promise
 * is completed from there.
 */
final class CheckedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final Scheduler lookups;

	CheckedResolverGroup(Scheduler lookups) {
		this.lookups = lookups;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new CheckedNameResolver(executor, this.lookups).asAddressResolver();
	}

	/** A host whose address callbacks may not go to. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String host, Refusal refusal) {
			super(host + " resolves to " + refusal.message() + " (" + refusal.rule() + ")");
		}

	}

	private static final class CheckedNameResolver extends InetNameResolver {

		private final Scheduler lookups;

		CheckedNameResolver(EventExecutor executor, Scheduler lookups) {
			super(executor);
			this.lookups = lookups;
		}

		@Override
		protected void doResolve(String host, Promise<InetAddress> promise) {
			this.lookups.schedule(() -> {
				try {
					promise.trySuccess(checked(host).get(0));
				}
				catch (UnknownHostException ex) {
					promise.tryFailure(ex);
				}
			});
		}

		@Override
		protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
			this.lookups.schedule(() -> {
				try {
					promise.trySuccess(checked(host));
				}
				catch (UnknownHostException ex) {
					promise.tryFailure(ex);
				}
			});
		}

		private static List<InetAddress> checked(String host) throws UnknownHostException {
			List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
			for (InetAddress address : addresses) {
				Refusal refusal = AddressRules.check(address);
				if (refusal != null) {
					throw new RefusedAddressException(host, refusal);
				}
			}
			return addresses;
		}

	}

}
