package com.waplatform.gateway.web;

/**
 * One entry of a problem's {@code errors} array: which request field is wrong and why.
 *
 * @param field the field's path in the request, e.g. {@code template.parameters[1]}
 */
public record FieldViolation(String field, String message) {

}
