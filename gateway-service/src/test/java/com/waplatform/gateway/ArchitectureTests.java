package com.waplatform.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's conventions ({@link ArchitectureRules}), checked on the gateway. */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.gateway";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void rulesTargetRealPackages() {
		assertThat(ArchitectureRules.APPLICATIONS).contains(BASE);
		assertThat(CLASSES.containPackage(BASE + ".messages.domain")).isTrue();
		assertThat(CLASSES.containPackage(BASE + ".templates.domain")).isTrue();
		assertThat(CLASSES.containPackage(BASE + ".webhooks")).isTrue();
	}

	@Test
	void packagesAreFreeOfCycles() {
		ArchitectureRules.packagesAreFreeOfCycles(BASE).check(CLASSES);
	}

	@Test
	void domainIsFrameworkFree() {
		ArchitectureRules.domainIsFrameworkFree().check(CLASSES);
	}

	@Test
	void dependsOnNoOtherApplication() {
		ArchitectureRules.dependsOnNoOtherApplication(BASE).check(CLASSES);
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
