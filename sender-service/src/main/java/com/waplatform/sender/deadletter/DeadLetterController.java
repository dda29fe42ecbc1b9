package com.waplatform.sender.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators' dead-letter endpoints (the gateway exposes them publicly later). Every call
 * needs the {@code X-Admin-Token} header ({@code sender.admin.token}); errors are RFC
 * 9457 problem details.
 */
@RestController
@RequestMapping("/internal/dead-letters")
class DeadLetterController {

	static final String TOKEN_HEADER = "X-Admin-Token";

	private final DeadLetterReplay replay;

	private final AdminProperties admin;

	DeadLetterController(DeadLetterReplay replay, AdminProperties admin) {
		this.replay = replay;
		this.admin = admin;
	}

	@GetMapping
	Mono<List<DeadLetter>> list(@RequestParam String organizationId,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
		authorize(token);
		requireText(organizationId, "organizationId");
		return this.replay.list(organizationId);
	}

	@PostMapping("/replay")
	Mono<ReplayResponse> replay(@RequestBody ReplayRequest request,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
		authorize(token);
		requireText(request.organizationId(), "organizationId");
		if (request.messageIds() == null || request.messageIds().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "messageIds must list at least one message id");
		}
		return this.replay.replay(request.organizationId(), request.messageIds())
			.map((results) -> new ReplayResponse(request.organizationId(), results));
	}

	private void authorize(@Nullable String token) {
		String expected = this.admin.token();
		if (expected == null || expected.isBlank()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Dead-letter administration is disabled (sender.admin.token is not set)");
		}
		if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8))) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Missing or wrong " + TOKEN_HEADER);
		}
	}

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " is required");
		}
	}

	record ReplayRequest(@Nullable String organizationId, @Nullable List<String> messageIds) {
	}

	record ReplayResponse(String organizationId, List<DeadLetterReplay.ReplayResult> results) {
	}

}
