package com.waplatform.gateway.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.waplatform.gateway.web.Routes;
import com.waplatform.common.meta.MetaMessage;
import com.waplatform.common.template.TemplateRenderer;
import com.waplatform.common.template.TemplateSnapshot;
import com.waplatform.gateway.auth.Caller;
import com.waplatform.gateway.numbers.BusinessNumbers;
import com.waplatform.gateway.templates.TemplateViews.Detail;
import com.waplatform.gateway.templates.TemplateViews.Page;
import com.waplatform.gateway.templates.TemplateViews.Preview;
import com.waplatform.gateway.templates.TemplateViews.Summary;
import com.waplatform.gateway.templates.TemplateViews.Version;
import com.waplatform.common.template.TemplateArguments;
import com.waplatform.gateway.templates.domain.TemplateArgumentsReader;
import com.waplatform.gateway.templates.domain.TemplateListing;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.web.Problems;
import com.waplatform.support.templates.TemplateDirectory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/templates}: the caller organization's templates as this instance knows them
 * from {@code wa.template-sync} (list, one name, preview), and sync and creation proxied
 * to template-service. Every lookup is limited to the organization's WhatsApp Business
 * Accounts.
 */
@RestController
class TemplateController {

	private static final int DEFAULT_PAGE_SIZE = 20;

	private static final int MAX_PAGE_SIZE = 100;

	private final TemplateDirectory directory;

	private final BusinessNumbers numbers;

	private final TemplateGuard guard;

	TemplateController(TemplateDirectory directory, BusinessNumbers numbers, TemplateGuard guard) {
		this.directory = directory;
		this.numbers = numbers;
		this.guard = guard;
	}

	@GetMapping(Routes.TEMPLATES)
	Mono<Page> list(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int pageSize = (limit != null) ? limit : DEFAULT_PAGE_SIZE;
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			return Mono.error(invalid("limit", "must be between 1 and " + MAX_PAGE_SIZE));
		}
		TemplateListing.Query query = new TemplateListing.Query(blankToNull(status), blankToNull(category),
				blankToNull(language), blankToNull(q), pageSize, blankToNull(cursor));
		return snapshots(organizationId).map((snapshots) -> {
			try {
				TemplateListing.Page page = TemplateListing.page(snapshots, query);
				return new Page(page.templates().stream().map(Summary::of).toList(), page.nextCursor());
			}
			catch (IllegalArgumentException ex) {
				throw invalid("cursor", "pass the nextCursor of the previous page unchanged");
			}
		});
	}

	@GetMapping(Routes.TEMPLATE)
	Mono<Detail> find(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId, @PathVariable String name) {
		return snapshots(organizationId).flatMap((snapshots) -> {
			List<Version> versions = snapshots.stream()
				.filter((snapshot) -> snapshot.template().name().equals(name))
				.sorted(Comparator.comparing((TemplateSnapshot snapshot) -> snapshot.template().language())
					.thenComparing(TemplateSnapshot::wabaId))
				.map(Version::of)
				.toList();
			return versions.isEmpty() ? Mono.error(Problems.notFound("No template " + name))
					: Mono.just(new Detail(name, versions));
		});
	}

	/**
	 * The template rendered with the given parameters exactly as the customer will see
	 * it, or the 422 a send would get.
	 */
	@PostMapping(Routes.TEMPLATE_PREVIEW)
	Mono<Preview> preview(@RequestAttribute(Caller.ORGANIZATION_ID) String organizationId, @PathVariable String name,
			@RequestParam String language, @RequestParam(required = false) @Nullable String from,
			@RequestBody(required = false) @Nullable JsonNode body) {
		if (body != null && !body.isObject() && !body.isNull()) {
			return Mono.error(Problems.invalidFields(HttpStatus.BAD_REQUEST,
					List.of(new FieldViolation("body", "must be a JSON object"))));
		}
		Collected issues = new Collected();
		TemplateArguments arguments = (body != null && body.isObject())
				? TemplateArgumentsReader.read(body.get("parameters"), body.get("components"), "", issues)
				: TemplateArguments.none();
		if (arguments == null) {
			return Mono.error(issues.problem());
		}
		MetaMessage.Template requested = new MetaMessage.Template(name, MetaMessage.Language.of(language), null);
		return this.numbers.resolve(organizationId, from)
			.flatMap((sender) -> this.guard.check(organizationId, sender.wabaId(), requested, arguments))
			.map((sendable) -> Preview.of(sendable.template(), sendable.languageFallback(),
					TemplateRenderer.render(sendable.template(), sendable.send())));
	}

	private Mono<List<TemplateSnapshot>> snapshots(String organizationId) {
		return this.numbers.wabas(organizationId).map((wabas) -> {
			List<TemplateSnapshot> snapshots = new ArrayList<>();
			wabas.forEach((wabaId) -> snapshots.addAll(this.directory.snapshots(wabaId)));
			return snapshots;
		});
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static RuntimeException invalid(String field, String message) {
		return Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldViolation(field, message)));
	}

	/** Collects what is wrong with a preview body: 400 if malformed, else 422. */
	private static final class Collected implements TemplateArgumentsReader.Sink {

		private final List<FieldViolation> malformed = new ArrayList<>();

		private final List<FieldViolation> invalid = new ArrayList<>();

		@Override
		public void malformed(String field, String message) {
			this.malformed.add(new FieldViolation(field, message));
		}

		@Override
		public void invalid(String field, String message) {
			this.invalid.add(new FieldViolation(field, message));
		}

		RuntimeException problem() {
			return this.malformed.isEmpty() ? Problems.invalidFields(HttpStatus.UNPROCESSABLE_CONTENT, this.invalid)
					: Problems.invalidFields(HttpStatus.BAD_REQUEST, this.malformed);
		}

	}

}
