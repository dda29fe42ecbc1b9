package com.waplatform.sender.deadletter;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.admin.*}: the operations endpoints under {@code /internal}.
 *
 * @param token the value callers must send in {@code X-Admin-Token}; without one the
 * endpoints answer 403 (disabled)
 */
@Validated
@ConfigurationProperties("sender.admin")
public record AdminProperties(@Nullable String token) {

}
