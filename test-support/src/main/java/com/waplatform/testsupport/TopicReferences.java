package com.waplatform.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * The condition of {@link ArchitectureRules#listenersNameTopicsThrough}: a
 * {@code @KafkaListener} names each topic as {@code #{T(<registry>).<CONSTANT>.name()}},
 * where the constant is a public static final field of the registry with a
 * {@code name()}, and uses neither {@code topicPattern} nor {@code topicPartitions}. The
 * annotation's values are read as compiled, so a string constant shows as the literal
 * javac inlined.
 */
final class TopicReferences extends ArchCondition<JavaMethod> {

	private final String registry;

	private final Pattern reference;

	TopicReferences(String registry) {
		super("name topics only as #{T(" + registry + ").<TOPIC>.name()}");
		this.registry = registry;
		this.reference = Pattern
			.compile("#\\{T\\(" + Pattern.quote(registry) + "\\)\\.([A-Z][A-Z0-9_]*)\\.name\\(\\)\\}");
	}

	@Override
	public void check(JavaMethod method, ConditionEvents events) {
		JavaAnnotation<JavaMethod> listener = method.getAnnotationOfType(KafkaListener.class.getName());
		String where = "@KafkaListener of " + method.getFullName();
		if (!listener.get("topicPattern").map(String::valueOf).orElse("").isEmpty()) {
			events.add(SimpleConditionEvent.violated(method, where + " uses a topicPattern"));
		}
		if (listener.get("topicPartitions").map((value) -> ((Object[]) value).length).orElse(0) > 0) {
			events.add(SimpleConditionEvent.violated(method, where + " uses topicPartitions"));
		}
		String[] topics = listener.get("topics").map(String[].class::cast).orElse(new String[0]);
		if (topics.length == 0) {
			events.add(SimpleConditionEvent.violated(method, where + " names no topic"));
		}
		for (String topic : topics) {
			Matcher matcher = this.reference.matcher(topic);
			if (!matcher.matches()) {
				events.add(SimpleConditionEvent.violated(method, where + " names topic \"" + topic + "\" without "
						+ ArchitectureRules.simpleName(this.registry)));
			}
			else if (!isTopicConstant(matcher.group(1))) {
				events.add(SimpleConditionEvent.violated(method,
						where + " names " + matcher.group(1) + ", not a topic of " + this.registry));
			}
			else {
				events.add(SimpleConditionEvent.satisfied(method, where + " names " + topic));
			}
		}
	}

	private boolean isTopicConstant(String constant) {
		Field field;
		try {
			field = Class.forName(this.registry, false, TopicReferences.class.getClassLoader()).getField(constant);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(this.registry + " is not on the classpath", ex);
		}
		catch (NoSuchFieldException ex) {
			return false;
		}
		int modifiers = field.getModifiers();
		return Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
				&& hasName(field.getType());
	}

	private static boolean hasName(Class<?> type) {
		try {
			Method name = type.getMethod("name");
			return name.getReturnType() == String.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
