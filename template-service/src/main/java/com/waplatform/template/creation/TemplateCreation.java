package com.waplatform.template.creation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.waplatform.common.json.Json;
import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.common.template.DeclaredParameters;
import com.waplatform.support.accounts.AccountDirectory;
import com.waplatform.template.domain.NewTemplate;
import com.waplatform.template.domain.SyncTarget;
import com.waplatform.template.domain.TemplateCreationRules;
import com.waplatform.template.domain.VersionedTemplate;
import com.waplatform.template.domain.Violation;
import com.waplatform.template.meta.CreatedTemplate;
import com.waplatform.template.meta.MetaTemplateClient;
import com.waplatform.template.store.Origin;
import com.waplatform.template.store.TemplateStore;
import com.waplatform.template.store.TemplateWriter;
import com.waplatform.template.sync.TemplateSync;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Creates a template: Meta's rules are checked first (every violation reported at once),
 * then Meta is asked ({@code POST /{waba-id}/message_templates} with the account's
 * token), then the template is stored with the status Meta answered (PENDING) and its
 * snapshot published. The approval (or rejection) arrives later by the status webhook
 * ({@code wa.template-updates}). Counted in {@code template.creations{outcome}}.
 */
@Service
public class TemplateCreation {

	private static final Logger logger = LoggerFactory.getLogger(TemplateCreation.class);

	private final TemplateSync sync;

	private final AccountDirectory accounts;

	private final MetaTemplateClient meta;

	private final TemplateStore store;

	private final TemplateWriter writer;

	private final TransactionalOperator tx;

	private final MeterRegistry meters;

	TemplateCreation(TemplateSync sync, AccountDirectory accounts, MetaTemplateClient meta, TemplateStore store,
			TemplateWriter writer, TransactionalOperator tx, MeterRegistry meters) {
		this.sync = sync;
		this.accounts = accounts;
		this.meta = meta;
		this.store = store;
		this.writer = writer;
		this.tx = tx;
		this.meters = meters;
	}

	public Mono<CreatedTemplateView> create(NewTemplate request) {
		return Mono.defer(() -> {
			List<Violation> violations = TemplateCreationRules.check(request);
			if (!violations.isEmpty()) {
				count("invalid");
				return Mono.error(new InvalidTemplateException(violations));
			}
			String wabaId = String.valueOf(request.wabaId());
			SyncTarget target = this.sync.target(wabaId)
				.filter((t) -> request.organizationId() == null || t.organizationId().equals(request.organizationId()))
				.orElse(null);
			if (target == null) {
				count("unknown-account");
				return Mono.error(new UnknownAccountException(wabaId));
			}
			String token = this.accounts.accessToken(target.credentialSource());
			return this.meta.create(wabaId, token, metaBody(request))
				.doOnError((ex) -> count("meta-error"))
				.flatMap((created) -> store(target, request, created));
		});
	}

	private Mono<CreatedTemplateView> store(SyncTarget target, NewTemplate request, CreatedTemplate created) {
		MessageTemplate template = new MessageTemplate(created.id(), String.valueOf(request.name()),
				String.valueOf(request.language()), (created.status() != null) ? created.status() : "PENDING",
				(created.category() != null) ? created.category() : upper(request.category()),
				upper(request.parameterFormat()), components(request.componentsOrEmpty()), null, null, null);
		VersionedTemplate versioned = VersionedTemplate.of(template);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Mono<Void> write = this.store.lockAccount(target.wabaId())
			.then(this.writer.write(target.organizationId(), target.wabaId(), versioned, now, Origin.creation()));
		return this.tx.transactional(write).then(Mono.fromCallable(() -> {
			count("created");
			logger.info("Created template {} ({}) of WABA {} at Meta: id {}, status {}", template.name(),
					template.language(), target.wabaId(), template.id(), template.status());
			return new CreatedTemplateView(target.wabaId(), target.organizationId(), created.id(), template.name(),
					template.language(), template.status(), template.category(), versioned.version(),
					DeclaredParameters.of(template));
		}));
	}

	/** Meta's creation body: the request without our own fields. */
	static JsonNode metaBody(NewTemplate request) {
		ObjectNode body = Json.mapper().createObjectNode();
		body.put("name", request.name());
		body.put("language", request.language());
		body.put("category", upper(request.category()));
		if (request.parameterFormat() != null) {
			body.put("parameter_format", upper(request.parameterFormat()));
		}
		body.putArray("components").addAll(request.componentsOrEmpty());
		return body;
	}

	/** The components as the listing model carries them, types in Meta's upper case. */
	private static List<MessageTemplate.Component> components(List<JsonNode> components) {
		return components.stream().map((node) -> {
			MessageTemplate.Component c = Json.mapper().treeToValue(node, MessageTemplate.Component.class);
			List<MessageTemplate.Button> buttons = (c.buttons() != null) ? c.buttons()
				.stream()
				.map((b) -> new MessageTemplate.Button(upper(b.type()), b.text(), b.url(), b.phoneNumber(),
						b.example()))
				.toList() : null;
			return new MessageTemplate.Component(upper(c.type()), upper(c.format()), c.text(), c.example(), buttons);
		}).toList();
	}

	private void count(String outcome) {
		this.meters.counter("template.creations", "outcome", outcome).increment();
	}

	private static @Nullable String upper(@Nullable String text) {
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

}
