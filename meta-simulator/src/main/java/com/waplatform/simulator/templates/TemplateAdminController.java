package com.waplatform.simulator.templates;

import java.util.List;

import com.waplatform.common.meta.MessageTemplate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * {@code /admin/templates/{wabaId}}: seed and list templates (status and quality changes:
 * {@code management.TemplateLifecycleAdminController}).
 */
@RestController
@RequestMapping("/admin/templates/{wabaId}")
class TemplateAdminController {

	private final TemplateStore templates;

	TemplateAdminController(TemplateStore templates) {
		this.templates = templates;
	}

	@GetMapping
	List<MessageTemplate> list(@PathVariable String wabaId) {
		return this.templates.list(wabaId);
	}

	@PostMapping
	MessageTemplate put(@PathVariable String wabaId, @RequestBody MessageTemplate template) {
		if (isBlank(template.name()) || isBlank(template.language())) {
			throw new ResponseStatusException(BAD_REQUEST, "name and language are required");
		}
		return this.templates.put(wabaId, template);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
