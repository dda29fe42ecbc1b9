package com.waplatform.sender.windows;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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
 * @param freshRequest how long after its request a message is trusted to have been
 * checked upstream (the gateway at submission, an auto-reply right after the customer
 * wrote): inside it a window this instance sees closed may only mean it has not read the
 * customer's newest message yet, so the message goes to Meta, which decides
 */
@Validated
@ConfigurationProperties("sender.window")
public record WindowProperties(@DefaultValue("true") boolean enforce, @Min(100) @DefaultValue("200000") int cacheSize,
		@NotNull @DefaultValue("30s") Duration freshRequest) {

}
