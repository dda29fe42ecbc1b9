/**
 * The operators' dead-letter API: every {@code wa.*-dlt} topic listed with the reasons,
 * and replayed, each record once.
 */
@NullMarked
package com.waplatform.gateway.deadletters;

import org.jspecify.annotations.NullMarked;
