@NullMarked
package com.waplatform.webhook.inbound.domain;

import org.jspecify.annotations.NullMarked;
