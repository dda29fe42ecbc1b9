package com.waplatform.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;

import org.springframework.kafka.annotation.KafkaListener;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The conventions every module follows (CONTRIBUTING.md, "Conventions of every service"),
 * as ArchUnit rules: each module's {@code ArchitectureTests} checks the ones that apply
 * to it against its main classes ({@link #mainClasses}) and keeps only its own rules
 * locally. {@code ArchitectureRulesTests} (this module's tests) proves that every rule
 * reports a deliberate violation.
 * <p>
 * ArchUnit's {@code failOnEmptyShould} catches only a rule whose {@code that()} matches
 * nothing, not a package name that matches nothing, so the packages named here are
 * checked too: each application's {@code ArchitectureTests} asserts that its base package
 * is one of {@link #APPLICATIONS} and holds its classes.
 */
public final class ArchitectureRules {

	/**
	 * The base package of every application (the services and the simulator): none
	 * imports another's.
	 */
	public static final List<String> APPLICATIONS = List.of("com.waplatform.gateway", "com.waplatform.sender",
			"com.waplatform.template", "com.waplatform.webhook", "com.waplatform.workflow", "com.waplatform.callback",
			"com.waplatform.simulator");

	/** The registry of the platform's topics (common-model). */
	public static final String TOPICS = "com.waplatform.common.kafka.Topics";

	/** The lifecycle helper of service-support: the one place a service subscribes. */
	public static final String PIPELINE_SUBSCRIPTION = "com.waplatform.support.lifecycle.PipelineSubscription";

	/** What framework-free {@code domain} code never depends on. */
	static final List<String> FRAMEWORKS = List.of("org.springframework..", "org.apache.kafka..", "io.r2dbc..",
			"reactor..");

	/**
	 * The methods that subscribe to a publisher (not {@code subscribeOn}, an operator).
	 */
	private static final Set<String> SUBSCRIBING_METHODS = Set.of("subscribe", "subscribeWith");

	private static final String PUBLISHER = "org.reactivestreams.Publisher";

	private ArchitectureRules() {
	}

	/** The main classes (no tests) of a module, by its base package. */
	public static JavaClasses mainClasses(String basePackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	/**
	 * No cycles between the packages below {@code basePackage}, each sub-package (e.g.
	 * {@code messages} and {@code messages.domain}) a slice of its own. A
	 * {@link SliceRule}, so that a module can ignore a dependency by design; like every
	 * rule without {@code allowEmptyShould(true)} it fails when there is no slice.
	 */
	public static SliceRule packagesAreFreeOfCycles(String basePackage) {
		return slices().matching(basePackage + ".(**)").should().beFreeOfCycles();
	}

	/**
	 * {@code ..domain..} depends on no Spring, Kafka, R2DBC or Reactor (Reactor Netty
	 * included), nor on the packages given.
	 */
	public static ArchRule domainIsFrameworkFree(String... alsoForbidden) {
		String[] forbidden = Stream.concat(FRAMEWORKS.stream(), Arrays.stream(alsoForbidden)).toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden)
			.because("domain logic is plain Java, unit-tested without a framework")
			.allowEmptyShould(false);
	}

	/**
	 * An application imports no other application's packages (only the shared modules).
	 */
	public static ArchRule dependsOnNoOtherApplication(String ownBasePackage) {
		if (!APPLICATIONS.contains(ownBasePackage)) {
			throw new IllegalArgumentException(ownBasePackage + " is not one of " + APPLICATIONS);
		}
		return noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(APPLICATIONS.stream()
				.filter((application) -> !application.equals(ownBasePackage))
				.map((application) -> application + "..")
				.toArray(String[]::new))
			.because("services share only common-model and service-support, and talk through topics and HTTP")
			.allowEmptyShould(false);
	}

	/**
	 * A shared module (common-model, service-support) imports no application's packages.
	 */
	public static ArchRule dependsOnNoApplication() {
		return noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(APPLICATIONS.stream().map((application) -> application + "..").toArray(String[]::new))
			.because("the shared modules are below every application")
			.allowEmptyShould(false);
	}

	/**
	 * Every {@code @KafkaListener} names its topics through {@code Topics}: {@code topics
	 * = "#{T(com.waplatform.common.kafka.Topics).SEND_REQUESTS.name()}"}, and the
	 * constant exists. A string constant would not do: Java inlines it into the
	 * annotation, where it cannot be told from a literal.
	 */
	public static ArchRule listenersNameTopicsThroughTopics() {
		return listenersNameTopicsThrough(TOPICS);
	}

	/**
	 * Every {@code @KafkaListener} method names its topics as SpEL references to
	 * constants of {@code registry} that have a {@code name()}; no literal names, no
	 * {@code topicPattern}, no {@code topicPartitions}.
	 */
	public static ArchRule listenersNameTopicsThrough(String registry) {
		return methods().that()
			.areAnnotatedWith(KafkaListener.class)
			.should(new TopicReferences(registry))
			.because("a topic is named in one place, " + simpleName(registry) + ", so a rename cannot miss a listener")
			.allowEmptyShould(false);
	}

	/**
	 * Only {@link #PIPELINE_SUBSCRIPTION} subscribes: no {@code subscribe(..)} or
	 * {@code subscribeWith(..)} on a publisher anywhere else (frameworks subscribe to
	 * what handlers and listeners return).
	 */
	public static ArchRule subscribesOnlyThroughPipelineSubscription() {
		return subscribesOnlyIn(PIPELINE_SUBSCRIPTION);
	}

	/**
	 * No class but the lifecycle helpers given (by fully-qualified name, their nested
	 * classes included) calls {@code subscribe(..)} or {@code subscribeWith(..)} on a
	 * Reactive Streams publisher.
	 */
	public static ArchRule subscribesOnlyIn(String... lifecycleHelpers) {
		List<String> helpers = List.of(lifecycleHelpers);
		DescribedPredicate<JavaClass> helper = DescribedPredicate.describe("lifecycle helpers " + helpers,
				(type) -> helpers.stream()
					.anyMatch((name) -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
		return noClasses().that(DescribedPredicate.not(helper))
			.should()
			.callMethodWhere(DescribedPredicate.describe("it subscribes to a publisher", ArchitectureRules::subscribes))
			.because("a subscription inside a bean outlives errors and shutdown unnoticed; a long-running pipeline"
					+ " is subscribed by a lifecycle helper, everything else is returned to the framework")
			.allowEmptyShould(false);
	}

	/** No package named {@code util} (or {@code utils}) outside {@code domain}. */
	public static ArchRule noUtilPackagesOutsideDomain() {
		return noClasses().that()
			.resideOutsideOfPackage("..domain..")
			.should()
			.resideInAnyPackage("..util..", "..utils..")
			.because("code belongs to the feature that uses it; shared plain logic goes to a domain package")
			.allowEmptyShould(false);
	}

	/** Whether a call subscribes to a Reactive Streams publisher. */
	public static boolean subscribes(JavaMethodCall call) {
		return SUBSCRIBING_METHODS.contains(call.getTarget().getName())
				&& call.getTargetOwner().isAssignableTo(PUBLISHER);
	}

	static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
