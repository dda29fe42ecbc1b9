@NullMarked
package com.waplatform.webhook.messages;

import org.jspecify.annotations.NullMarked;
