@NullMarked
package com.waplatform.webhook.status;

import org.jspecify.annotations.NullMarked;
