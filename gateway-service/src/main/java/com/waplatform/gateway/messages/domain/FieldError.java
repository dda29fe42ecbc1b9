package com.waplatform.gateway.messages.domain;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field's path, e.g. {@code template.parameters[1]}
 */
public record FieldError(String field, String message) {

}
