package com.waplatform.sender.dispatch;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sender.sending-state.*}: how often the sending state of the numbers is looked at
 * and, where it changed, published on {@code wa.accounts}.
 *
 * @param interval between two rounds; at least a second, so a number's state is published
 * at most once a second
 */
@Validated
@ConfigurationProperties("sender.sending-state")
public record SendingStateProperties(@DurationMin(seconds = 1) @DefaultValue("1s") Duration interval) {

}
