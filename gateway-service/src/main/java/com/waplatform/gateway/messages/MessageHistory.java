package com.waplatform.gateway.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.waplatform.gateway.messages.MessageViews.Item;
import com.waplatform.gateway.messages.MessageViews.Page;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Pages of message history, newest first: our messages, the customers', or both
 * interleaved by time. Each side is read up to one more than a page; the page is the
 * newest of their union, so no message is skipped between pages.
 */
@Service
class MessageHistory {

	private static final Comparator<Item> NEWEST_FIRST = Comparator.comparing(Item::createdAt)
		.thenComparing(Item::id)
		.reversed();

	private final MessageQueries outbound;

	private final InboundQueries inbound;

	MessageHistory(MessageQueries outbound, InboundQueries inbound) {
		this.outbound = outbound;
		this.inbound = inbound;
	}

	Mono<Page> page(String organizationId, HistoryFilter filter) {
		Mono<List<Item>> ours = filter.includesOutbound()
				? this.outbound.outbound(organizationId, filter).map(List::<Item>copyOf) : Mono.just(List.of());
		Mono<List<Item>> theirs = filter.includesInbound()
				? this.inbound.inbound(organizationId, filter).map(List::<Item>copyOf) : Mono.just(List.of());
		return Mono.zip(ours, theirs).map((both) -> {
			List<Item> all = new ArrayList<>(both.getT1());
			all.addAll(both.getT2());
			all.sort(NEWEST_FIRST);
			if (all.size() <= filter.limit()) {
				return new Page(List.copyOf(all), null);
			}
			List<Item> page = List.copyOf(all.subList(0, filter.limit()));
			return new Page(page, page.get(page.size() - 1).createdAt());
		});
	}

}
