package com.waplatform.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.support.lifecycle.PipelineSubscription;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** service-support is below every service: it imports none, and follows their rules. */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.support";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void rulesTargetRealPackagesAndClasses() {
		for (String feature : new String[] { "accounts", "config", "kafka", "lifecycle", "outbox", "production",
				"security", "templates" }) {
			assertThat(CLASSES.containPackage(BASE + "." + feature)).as(feature).isTrue();
		}
		assertThat(ArchitectureRules.PIPELINE_SUBSCRIPTION).isEqualTo(PipelineSubscription.class.getName());
		assertThat(CLASSES.get(PipelineSubscription.class).getMethodCallsFromSelf())
			.anyMatch(ArchitectureRules::subscribes);
	}

	@Test
	void packagesAreFreeOfCycles() {
		ArchitectureRules.packagesAreFreeOfCycles(BASE).check(CLASSES);
	}

	@Test
	void dependsOnNoApplication() {
		ArchitectureRules.dependsOnNoApplication().check(CLASSES);
	}

	@Test
	void listenersNameTopicsThroughTopics() {
		ArchitectureRules.listenersNameTopicsThroughTopics().check(CLASSES);
	}

	@Test
	void subscribesOnlyThroughPipelineSubscription() {
		ArchitectureRules.subscribesOnlyThroughPipelineSubscription().check(CLASSES);
	}

	@Test
	void hasNoUtilPackages() {
		ArchitectureRules.noUtilPackagesOutsideDomain().check(CLASSES);
	}

}
