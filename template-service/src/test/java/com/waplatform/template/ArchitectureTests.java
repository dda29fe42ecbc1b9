package com.waplatform.template;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's conventions ({@link ArchitectureRules}), checked on the template
 * service.
 */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.template";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void everyRuleTargetsRealPackages() {
		assertThat(ArchitectureRules.APPLICATIONS).contains(BASE);
		for (String feature : new String[] { "domain", "meta", "store", "sync", "web", "updates", "creation" }) {
			assertThat(CLASSES.containPackage(BASE + "." + feature)).as(feature).isTrue();
		}
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
