package com.waplatform.template.web;

import java.net.URI;

import com.waplatform.template.creation.CreatedTemplateView;
import com.waplatform.template.creation.TemplateCreation;
import com.waplatform.template.creation.UnknownAccountException;
import com.waplatform.template.domain.NewTemplate;
import com.waplatform.template.domain.SyncResult;
import com.waplatform.template.store.TemplateStore;
import com.waplatform.template.store.TemplateSummary;
import com.waplatform.template.sync.TemplateSync;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints (the gateway proxies {@code POST /v1/templates/sync} and
 * {@code POST /v1/templates} to them): run a sync now, create a template, look at the
 * stored templates. Errors are RFC 9457 problems ({@link ProblemHandler}).
 */
@RestController
@RequestMapping("/internal/templates")
class InternalTemplatesController {

	private final TemplateSync sync;

	private final TemplateStore store;

	private final TemplateCreation creation;

	InternalTemplatesController(TemplateSync sync, TemplateStore store, TemplateCreation creation) {
		this.sync = sync;
		this.store = store;
		this.creation = creation;
	}

	/**
	 * Syncs every account (or only {@code wabaId}) now: what changed, and which accounts
	 * failed and why.
	 */
	@PostMapping("/sync")
	Mono<SyncResult.Round> sync(@RequestParam(required = false) @Nullable String wabaId) {
		if (wabaId != null && !this.sync.knows(wabaId)) {
			return Mono.error(new UnknownAccountException(wabaId));
		}
		return this.sync.round(wabaId);
	}

	@PostMapping
	Mono<ResponseEntity<CreatedTemplateView>> create(@RequestBody NewTemplate template) {
		return this.creation.create(template)
			.map((created) -> ResponseEntity
				.created(URI.create("/internal/templates?wabaId=" + created.wabaId() + "&name=" + created.name()))
				.body(created));
	}

	@GetMapping
	Flux<TemplateSummary> list(@RequestParam String wabaId,
			@RequestParam(required = false) @Nullable String organizationId) {
		return this.store.list(wabaId, organizationId);
	}

}
