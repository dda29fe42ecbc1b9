/**
 * Each organization's suppression list (opt-outs): customers who get no MARKETING
 * templates. Changed by opt-out and opt-in keywords and Meta's {@code user_preferences}
 * (fed by the conversations listener) and by operators ({@code /v1/suppressions}); every
 * change audited and announced as {@code SuppressionChanged} on {@code wa.suppressions}
 * through the outbox.
 */
@NullMarked
package com.waplatform.gateway.suppressions;

import org.jspecify.annotations.NullMarked;
