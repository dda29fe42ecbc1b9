/**
 * Retention: tables that only grow (the idempotent-consumer log, read models and their
 * history) purged by age, in batches, by one scheduled purge every service shares.
 */
@NullMarked
package com.waplatform.support.retention;

import org.jspecify.annotations.NullMarked;
