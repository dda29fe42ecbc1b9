/** Meta's account-health values as numbers a gauge can show. */
@NullMarked
package com.waplatform.gateway.numbers.domain;

import org.jspecify.annotations.NullMarked;
