package com.waplatform.workflow.config;

import com.waplatform.support.retention.PurgedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workflow service's tables that only grow, purged by age after
 * {@code workflow.retention.history} by service-support's {@code RetentionPurge}
 * (batches, {@code platform.retention.purged{table}}).
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

	@Bean
	PurgedTable eventOutcomesRetention(RetentionProperties properties) {
		return PurgedTable.olderThan("event_outcomes", "recorded_at", properties.history());
	}

	@Bean
	PurgedTable triggeredMessagesRetention(RetentionProperties properties) {
		return PurgedTable.olderThan("triggered_messages", "created_at", properties.history());
	}

	@Bean
	PurgedTable autoRepliesRetention(RetentionProperties properties) {
		return PurgedTable.olderThan("auto_replies", "sent_at", properties.history());
	}

	/** Superseded versions only: the version a rule is at stays, however old. */
	@Bean
	PurgedTable ruleVersionsRetention(RetentionProperties properties) {
		return new PurgedTable("workflow_rule_versions", properties.history(), """
				delete from workflow_rule_versions where (rule_id, version) in (
					select v.rule_id, v.version from workflow_rule_versions v join workflow_rules r on r.id = v.rule_id
					where v.changed_at < :cutoff and v.version < r.version
					limit :batch for update of v skip locked)""");
	}

}
