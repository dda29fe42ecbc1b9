/**
 * Account health webhooks ({@code phone_number_quality_update},
 * {@code phone_number_name_update}, {@code business_capability_update},
 * {@code account_update}), published as {@code NumberHealth} on {@code wa.accounts}.
 */
@NullMarked
package com.waplatform.webhook.health;

import org.jspecify.annotations.NullMarked;
