/** Meta's media kinds, MIME types and size limits, free of frameworks. */
@NullMarked
package com.waplatform.gateway.media.domain;

import org.jspecify.annotations.NullMarked;
