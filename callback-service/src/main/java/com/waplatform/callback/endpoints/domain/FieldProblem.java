package com.waplatform.callback.endpoints.domain;

/** A problem with one member of a request body. */
public record FieldProblem(String field, String message) {

}
