package com.waplatform.simulator.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.simulator.SimulatorProperties;
import com.waplatform.simulator.accounts.Account;
import com.waplatform.simulator.accounts.AccountRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * WABA-level webhooks about templates ({@code message_template_status_update},
 * {@code message_template_quality_update}), posted once to each distinct webhook target
 * of the WABA's numbers (signed with that number's app secret), through the
 * {@link StatusWebhooks} pipeline.
 */
@Component
public class TemplateWebhooks {

	private final AccountRegistry accounts;

	private final WebhookSender sender;

	private final StatusWebhooks pipeline;

	private final boolean enabled;

	TemplateWebhooks(AccountRegistry accounts, WebhookSender sender, StatusWebhooks pipeline,
			SimulatorProperties properties) {
		this.accounts = accounts;
		this.sender = sender;
		this.pipeline = pipeline;
		this.enabled = properties.webhooks().enabled();
	}

	public void statusUpdate(String wabaId, MessageTemplate template, String event, String reason) {
		post(wabaId, "template_status", (at) -> WebhookPayloads.templateStatus(wabaId, template, event, reason, at));
	}

	public void qualityUpdate(String wabaId, MessageTemplate template, String previousScore, String newScore) {
		post(wabaId, "template_quality",
				(at) -> WebhookPayloads.templateQuality(wabaId, template, previousScore, newScore, at));
	}

	/** Runs {@code action} after {@code delay}, on the webhook pipeline. */
	public void later(Duration delay, Runnable action) {
		this.pipeline.submit(Mono.delay(delay).then(Mono.fromRunnable(action)));
	}

	private void post(String wabaId, String kind, Function<Instant, byte[]> payload) {
		if (!this.enabled) {
			return;
		}
		Map<URI, Account> targets = new LinkedHashMap<>();
		for (Account account : this.accounts.byWabaId(wabaId)) {
			this.sender.target(account).ifPresent((target) -> targets.putIfAbsent(target, account));
		}
		if (targets.isEmpty()) {
			return;
		}
		byte[] body = payload.apply(Instant.now());
		this.pipeline.submit(Flux.fromIterable(targets.entrySet())
			.concatMap((target) -> this.sender.post(target.getKey(), target.getValue(), body, kind))
			.then());
	}

}
