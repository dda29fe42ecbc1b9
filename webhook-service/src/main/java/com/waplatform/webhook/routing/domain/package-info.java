@NullMarked
package com.waplatform.webhook.routing.domain;

import org.jspecify.annotations.NullMarked;
