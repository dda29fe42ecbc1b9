package com.waplatform.template.sync;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When and how templates are read from Meta.
 *
 * @param interval the delay between two full rounds over every account
 * @param pageSize templates per page requested from Meta
 * @param newAccountPoll how often accounts never synced yet (new numbers, changed
 * credentials) or asked for (a webhook about an unknown template) are looked for
 * @param tombstonePoll how often pending tombstones of deleted templates are published
 */
@Validated
@ConfigurationProperties("template.sync")
public record TemplateSyncProperties(@NotNull @DefaultValue("15m") Duration interval,
		@Min(1) @Max(1000) @DefaultValue("100") int pageSize, @NotNull @DefaultValue("5s") Duration newAccountPoll,
		@NotNull @DefaultValue("500ms") Duration tombstonePoll) {
}
