package com.waplatform.sender.windows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.waplatform.common.conversation.ServiceWindow;
import com.waplatform.common.inbound.InboundMessage;
import com.waplatform.common.message.ErrorInfo;
import com.waplatform.common.message.SendRequest;
import com.waplatform.sender.domain.CustomerWindow;
import com.waplatform.sender.store.CustomerWindows;
import com.waplatform.sender.store.MicroBatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Whether a free-form message may still be sent when its turn comes: the customer's
 * 24-hour window, checked just before the call, because it may close while the message
 * waits (queues, pacing, retries, a pause).
 * <p>
 * Cost on the send path: a cache hit that says "open" is a hash lookup, no I/O. Anything
 * else (not cached, or closed as far as this instance knows) is read from
 * {@code customer_windows} in a batched read ({@link MicroBatcher}), so it also sees what
 * another instance learnt: inbound messages are consumed by one group across instances,
 * so this instance's cache may miss a customer's newest message, but never has a window
 * open that the table has closed by time. {@link #preload} starts that read when the
 * message is prepared ({@code lead} ahead of its call), so the check at the call is
 * usually a cache hit. Writes are batched the same way.
 */
@Component
public class WindowChecks {

	private final WindowProperties properties;

	private final CustomerWindows table;

	private final MicroBatcher<CustomerWindows.Key, CustomerWindow> loads;

	private final MicroBatcher<CustomerWindows.Fact, Boolean> writes;

	private final Cache<CustomerWindows.Key, CustomerWindow> cache;

	private final Counter inbound;

	private final Counter closures;

	WindowChecks(WindowProperties properties, CustomerWindows table,
			MicroBatcher<CustomerWindows.Key, CustomerWindow> loads, MicroBatcher<CustomerWindows.Fact, Boolean> writes,
			MeterRegistry registry) {
		this.properties = properties;
		this.table = table;
		this.loads = loads;
		this.writes = writes;
		this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
		this.inbound = Counter.builder("sender.window.inbound")
			.description("Customer messages recorded as opening a 24-hour window")
			.register(registry);
		this.closures = Counter.builder("sender.window.closures")
			.description("Windows recorded as closed because Meta answered 131047")
			.register(registry);
		Gauge.builder("sender.window.cached", this.cache, Cache::estimatedSize)
			.description("Customers' windows held in memory")
			.register(registry);
	}

	/** Whether the re-check is on ({@code sender.window.enforce}). */
	public boolean enforced() {
		return this.properties.enforce();
	}

	/** Whether the request is checked: the check is on and the message is free-form. */
	public boolean applies(SendRequest request) {
		return this.properties.enforce() && ServiceWindow.needsWindow(request.message());
	}

	/**
	 * Loads the recipient's window into the cache if it is not there, ahead of the call
	 * (completes at once when nothing is to be loaded).
	 */
	public Mono<Void> preload(SendRequest request) {
		if (!applies(request)) {
			return Mono.empty();
		}
		CustomerWindows.Key key = key(request);
		if (this.cache.getIfPresent(key) != null) {
			return Mono.empty();
		}
		return this.loads.submit(key).doOnNext((loaded) -> remember(key, loaded)).then();
	}

	/**
	 * Checks the recipient's window now; emits the reason to refuse the message (Meta's
	 * 131047) or nothing when it may be sent.
	 */
	public Mono<Optional<ErrorInfo>> check(SendRequest request) {
		if (!applies(request)) {
			return Mono.just(Optional.empty());
		}
		CustomerWindows.Key key = key(request);
		CustomerWindow cached = this.cache.getIfPresent(key);
		if (cached != null && cached.isOpen(Instant.now())) {
			return Mono.just(Optional.empty());
		}
		// not known here, or closed as far as this instance knows: the table has what
		// every instance learnt
		return this.loads.submit(key).map((loaded) -> {
			CustomerWindow window = remember(key, loaded);
			Instant now = Instant.now();
			return window.refuses(request.occurredAt(), now, this.properties.freshRequest())
					? Optional.of(window.refusal(now)) : Optional.<ErrorInfo>empty();
		});
	}

	/** A customer wrote: the window opens (or reopens) from the message's time. */
	public Mono<Void> inbound(InboundMessage message) {
		CustomerWindows.Key key = CustomerWindows.Key.of(message.organizationId(), message.phoneNumberId(),
				message.customer());
		CustomerWindow fact = CustomerWindow.NONE.inbound(message.sentAt());
		return this.writes.submit(new CustomerWindows.Fact(key, fact)).doOnNext((written) -> {
			// only merged into what is cached: a partial entry could hide a later
			// closure that only the table knows
			this.cache.asMap().computeIfPresent(key, (ignored, window) -> window.merge(fact));
			this.inbound.increment();
		}).then();
	}

	/**
	 * Meta answered 131047 for a message of the request: the window is closed as of now,
	 * whatever our clock says, until the customer writes again.
	 */
	public Mono<Void> closedByMeta(SendRequest request, Instant at) {
		CustomerWindows.Key key = key(request);
		CustomerWindow fact = CustomerWindow.NONE.closed(at);
		return this.writes.submit(new CustomerWindows.Fact(key, fact)).doOnNext((written) -> {
			// a closed entry is always confirmed from the table before a refusal, so a
			// partial one is safe here
			this.cache.asMap().merge(key, fact, CustomerWindow::merge);
			this.closures.increment();
		}).then();
	}

	/** What the table says of a customer's window (read afresh, not cached). */
	public Mono<CustomerWindow> stored(String organizationId, String phoneNumberId, String customer) {
		CustomerWindows.Key key = CustomerWindows.Key.of(organizationId, phoneNumberId, customer);
		return this.table.loadAll(List.of(key)).map((windows) -> windows.get(0));
	}

	private CustomerWindow remember(CustomerWindows.Key key, CustomerWindow loaded) {
		return this.cache.asMap().merge(key, loaded, CustomerWindow::merge);
	}

	private static CustomerWindows.Key key(SendRequest request) {
		return CustomerWindows.Key.of(request.organizationId(), request.phoneNumberId(), request.recipient());
	}

}
