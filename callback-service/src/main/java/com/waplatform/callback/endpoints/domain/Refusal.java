package com.waplatform.callback.endpoints.domain;

/**
 * Why a callback URL is refused.
 *
 * @param rule the rule it breaks, a stable name (e.g. {@code https-required},
 * {@code private-address})
 * @param message what is wrong, for people
 */
public record Refusal(String rule, String message) {

}
