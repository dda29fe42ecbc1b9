@NullMarked
package com.waplatform.webhook.status.domain;

import org.jspecify.annotations.NullMarked;
