/**
 * The analytics query's parameters and the rates derived from its counts, free of any
 * framework.
 */
@NullMarked
package com.waplatform.gateway.stats.domain;

import org.jspecify.annotations.NullMarked;
