package com.waplatform.workflow.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the workflow service's history is kept ({@link RetentionConfiguration}).
 *
 * @param history how long what events triggered ({@code event_outcomes},
 * {@code triggered_messages}), the auto-replies sent ({@code auto_replies}) and the
 * superseded versions of rules ({@code workflow_rule_versions}; a rule's current version
 * is always kept) are kept; zero or negative keeps them forever
 */
@Validated
@ConfigurationProperties("workflow.retention")
public record RetentionProperties(@NotNull @DefaultValue("90d") Duration history) {

}
