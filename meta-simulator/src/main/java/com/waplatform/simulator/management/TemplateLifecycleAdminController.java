package com.waplatform.simulator.management;

import java.util.Map;

import com.waplatform.common.meta.MessageTemplate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * {@code /admin/templates/{wabaId}/{name}/{language}/status} and {@code .../quality}:
 * change a template as Meta's review or quality rating would, with the webhook Meta
 * posts.
 */
@RestController
@RequestMapping("/admin/templates/{wabaId}/{name}/{language}")
class TemplateLifecycleAdminController {

	private final TemplateLifecycle lifecycle;

	TemplateLifecycleAdminController(TemplateLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	/** {@code {"status":"PAUSED","reason":"..."}} (reason defaults to NONE). */
	@PostMapping("/status")
	ResponseEntity<MessageTemplate> changeStatus(@PathVariable String wabaId, @PathVariable String name,
			@PathVariable String language, @RequestBody Map<String, String> body) {
		String status = required(body, "status");
		String reason = body.getOrDefault("reason", "NONE");
		return ResponseEntity.of(this.lifecycle.changeStatus(wabaId, name, language, status, reason));
	}

	/** {@code {"score":"YELLOW"}}: GREEN, YELLOW, RED or UNKNOWN. */
	@PostMapping("/quality")
	ResponseEntity<MessageTemplate> changeQuality(@PathVariable String wabaId, @PathVariable String name,
			@PathVariable String language, @RequestBody Map<String, String> body) {
		return ResponseEntity.of(this.lifecycle.changeQuality(wabaId, name, language, required(body, "score")));
	}

	private static String required(Map<String, String> body, String field) {
		String value = body.get(field);
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(BAD_REQUEST, field + " is required");
		}
		return value;
	}

}
