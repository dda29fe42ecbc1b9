package com.waplatform.gateway.admin;

import com.waplatform.gateway.web.Routes;
import com.waplatform.gateway.admin.AdminRequests.ConfigurePhoneNumber;
import com.waplatform.gateway.admin.AdminRequests.CreateOrganization;
import com.waplatform.gateway.admin.AdminRequests.UpdateOrganization;
import com.waplatform.gateway.admin.AdminViews.ApiKeyCreated;
import com.waplatform.gateway.admin.AdminViews.Organization;
import com.waplatform.gateway.admin.AdminViews.OrganizationCreated;
import com.waplatform.gateway.admin.AdminViews.PhoneNumber;
import com.waplatform.gateway.admin.AdminViews.Settings;
import com.waplatform.gateway.admin.domain.SettingsRequestReader;
import com.waplatform.gateway.web.FieldViolation;
import com.waplatform.gateway.auth.ApiKeyStore;
import com.waplatform.gateway.web.Problems;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin API (guarded by the admin token, see {@code AdminTokenFilter}). */
@RestController
class AdminController {

	private final OrganizationAdmin organizations;

	private final ApiKeyStore apiKeys;

	AdminController(OrganizationAdmin organizations, ApiKeyStore apiKeys) {
		this.organizations = organizations;
		this.apiKeys = apiKeys;
	}

	@PostMapping(Routes.ORGANIZATIONS)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<OrganizationCreated> create(@Valid @RequestBody CreateOrganization request) {
		return this.organizations.create(request.name(), request.appSecret(), request.languageFallbacks());
	}

	@PatchMapping(Routes.ORGANIZATION)
	Mono<Organization> update(@PathVariable String organizationId, @RequestBody UpdateOrganization request) {
		Mono<Void> fallbacks = (request.languageFallbacks() != null)
				? this.organizations.setLanguageFallbacks(organizationId, request.languageFallbacks()) : Mono.empty();
		return fallbacks.then(this.organizations.find(organizationId));
	}

	@GetMapping(Routes.ORGANIZATION)
	Mono<Organization> find(@PathVariable String organizationId) {
		return this.organizations.find(organizationId);
	}

	@GetMapping(Routes.ORGANIZATION_SETTINGS)
	Mono<Settings> settings(@PathVariable String organizationId) {
		return this.organizations.settings(organizationId);
	}

	/**
	 * Replaces the organization's settings: a member left out takes its default
	 * ({@link SettingsRequestReader}).
	 */
	@PutMapping(Routes.ORGANIZATION_SETTINGS)
	Mono<Settings> replaceSettings(@PathVariable String organizationId, @RequestBody JsonNode body) {
		SettingsRequestReader.Result result = SettingsRequestReader.read(body);
		if (result instanceof SettingsRequestReader.Result.Rejected rejected) {
			return Mono.error(Problems.invalidFields(
					rejected.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
					rejected.problems()
						.stream()
						.map((problem) -> new FieldViolation(problem.field(), problem.message()))
						.toList()));
		}
		return this.organizations.replaceSettings(organizationId,
				((SettingsRequestReader.Result.Read) result).settings());
	}

	@PostMapping(Routes.PHONE_NUMBERS)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<PhoneNumber> configure(@PathVariable String organizationId, @Valid @RequestBody ConfigurePhoneNumber request) {
		return this.organizations.configure(organizationId, request);
	}

	@PostMapping(Routes.API_KEYS)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ApiKeyCreated> issueKey(@PathVariable String organizationId,
			@RequestBody(required = false) @Valid AdminRequests.@Nullable IssueKey request) {
		String provided = (request != null) ? request.key() : null;
		return this.organizations.requireOrganization(organizationId)
			.then(this.apiKeys.issue(organizationId, provided))
			.map((issued) -> new ApiKeyCreated(issued.id(), issued.key()));
	}

	@DeleteMapping(Routes.API_KEY)
	Mono<ResponseEntity<Void>> revokeKey(@PathVariable String organizationId, @PathVariable String keyId) {
		return this.organizations.revokeKey(organizationId, keyId)
			.flatMap((revoked) -> revoked ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(Problems.notFound("No active API key " + keyId + " in " + organizationId)));
	}

}
