package com.waplatform.callback.endpoints.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The members of a request that registers or changes an endpoint, read from its JSON
 * object with every problem at once. On a registration {@code url} and {@code events} are
 * required; on a change every member is optional and what is left out stays.
 *
 * @param url the callback URL as given (its policy is checked separately)
 * @param events the kinds subscribed to, {@link #KINDS}, each once, in the order given
 * @param description a note for people, at most {@value #MAX_DESCRIPTION} characters
 * @param descriptionGiven whether {@code description} was a member (null clears it)
 * @param enabled whether deliveries go out
 */
public record EndpointRequest(@Nullable String url, @Nullable List<String> events, @Nullable String description,
		boolean descriptionGiven, @Nullable Boolean enabled, List<FieldProblem> problems) {

	/** The kinds of events an endpoint subscribes to. */
	public static final List<String> KINDS = List.of("status", "inbound");

	public static final int MAX_DESCRIPTION = 500;

	public static EndpointRequest read(JsonNode body, boolean registration) {
		List<FieldProblem> problems = new ArrayList<>();
		String url = null;
		JsonNode urlNode = body.get("url");
		if (urlNode == null || urlNode.isNull()) {
			if (registration) {
				problems.add(new FieldProblem("url", "is required"));
			}
		}
		else if (!urlNode.isString() || urlNode.stringValue().isBlank()) {
			problems.add(new FieldProblem("url", "must be a URL string"));
		}
		else {
			url = urlNode.stringValue().strip();
		}
		List<String> events = events(body.get("events"), registration, problems);
		String description = null;
		JsonNode descriptionNode = body.get("description");
		boolean descriptionGiven = descriptionNode != null;
		if (descriptionNode != null && !descriptionNode.isNull()) {
			if (!descriptionNode.isString()) {
				problems.add(new FieldProblem("description", "must be a string"));
			}
			else if (descriptionNode.stringValue().length() > MAX_DESCRIPTION) {
				problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
			}
			else {
				description = descriptionNode.stringValue();
			}
		}
		Boolean enabled = null;
		JsonNode enabledNode = body.get("enabled");
		if (enabledNode != null && !enabledNode.isNull()) {
			if (enabledNode.isBoolean()) {
				enabled = enabledNode.booleanValue();
			}
			else {
				problems.add(new FieldProblem("enabled", "must be true or false"));
			}
		}
		return new EndpointRequest(url, events, description, descriptionGiven, enabled, List.copyOf(problems));
	}

	private static @Nullable List<String> events(@Nullable JsonNode node, boolean registration,
			List<FieldProblem> problems) {
		if (node == null || node.isNull()) {
			if (registration) {
				problems.add(new FieldProblem("events", "is required: a list of " + KINDS));
			}
			return null;
		}
		if (!node.isArray() || node.isEmpty()) {
			problems.add(new FieldProblem("events", "must be a non-empty list of " + KINDS));
			return null;
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode kind = node.get(i);
			if (!kind.isString() || !KINDS.contains(kind.stringValue())) {
				problems.add(new FieldProblem("events[" + i + "]", "must be one of " + KINDS));
			}
			else if (!kinds.add(kind.stringValue())) {
				problems.add(new FieldProblem("events[" + i + "]", "is listed twice"));
			}
		}
		return List.copyOf(kinds);
	}

}
