package com.waplatform.workflow.rules;

import java.time.Instant;
import java.util.UUID;

import com.waplatform.workflow.rules.domain.RuleDefinition;

/**
 * The current version of one organization's rule.
 *
 * @param json the definition as it was saved, shown back as is
 */
public record StoredRule(UUID id, String organizationId, String name, boolean enabled, int version,
		RuleDefinition definition, String json, Instant createdAt, Instant updatedAt) {

}
