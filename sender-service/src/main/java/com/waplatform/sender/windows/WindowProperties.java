package com.waplatform.sender.windows;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.window.*}: the re-check of the 24-hour customer service window before
 * each free-form call.
 *
 * @param enforce whether a free-form message (anything but a template; mark-as-read is
 * not a message) to a customer whose window is closed is failed with 131047 instead of
 * being sent (Meta would refuse it with the same code)
 * @param cacheSize customers' windows kept in memory (the table holds them all; a miss
 * costs a batched read)
 */
@Validated
@ConfigurationProperties("sender.window")
public record WindowProperties(@DefaultValue("true") boolean enforce, @Min(100) @DefaultValue("200000") int cacheSize) {

}
