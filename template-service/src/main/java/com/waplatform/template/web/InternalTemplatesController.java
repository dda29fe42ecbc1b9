package com.waplatform.template.web;

import java.util.List;

import com.waplatform.template.domain.SyncReport;
import com.waplatform.template.store.TemplateStore;
import com.waplatform.template.store.TemplateSummary;
import com.waplatform.template.sync.TemplateSync;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints, not exposed through the gateway: run a sync round now and look at
 * the stored templates.
 */
@RestController
@RequestMapping("/internal/templates")
class InternalTemplatesController {

	private final TemplateSync sync;

	private final TemplateStore store;

	InternalTemplatesController(TemplateSync sync, TemplateStore store) {
		this.sync = sync;
		this.store = store;
	}

	/** Syncs every account now; accounts whose sync failed are not in the list. */
	@PostMapping("/sync")
	Mono<List<SyncReport>> sync() {
		return this.sync.syncAll().collectList();
	}

	@GetMapping
	Flux<TemplateSummary> list(@RequestParam String wabaId,
			@RequestParam(required = false) @Nullable String organizationId) {
		return this.store.list(wabaId, organizationId);
	}

}
