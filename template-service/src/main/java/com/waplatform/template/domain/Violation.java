package com.waplatform.template.domain;

/**
 * One broken rule of a template to create.
 *
 * @param field where, e.g. {@code name} or {@code components[1].text}
 */
public record Violation(String field, String message) {
}
