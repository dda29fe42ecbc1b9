package com.waplatform.callback;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.waplatform.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's conventions ({@link ArchitectureRules}), checked on the callback
 * service.
 */
class ArchitectureTests {

	private static final String BASE = "com.waplatform.callback";

	private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(BASE);

	@Test
	void rulesTargetRealPackages() {
		assertThat(CLASSES.that(JavaClass.Predicates.resideInAPackage("..domain..")))
			.extracting(JavaClass::getPackageName)
			.contains(BASE + ".endpoints.domain", BASE + ".delivery.domain");
	}

	@Test
	void packagesAreFreeOfCycles() {
		ArchitectureRules.packagesAreFreeOfCycles(BASE).check(CLASSES);
	}

	@Test
	void domainIsFrameworkFree() {
		ArchitectureRules.domainIsFrameworkFree().check(CLASSES);
	}

	/**
	 * {@code ArchitectureRules.dependsOnNoOtherApplication} as a local rule: the
	 * installed test-support does not list this service among its applications yet.
	 */
	@Test
	void dependsOnNoOtherApplication() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(Stream.concat(ArchitectureRules.APPLICATIONS.stream(), Stream.of(BASE))
				.distinct()
				.filter((application) -> !application.equals(BASE))
				.map((application) -> application + "..")
				.toArray(String[]::new))
			.because("services share only common-model and service-support, and talk through topics and HTTP")
			.check(CLASSES);
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
