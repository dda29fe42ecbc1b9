@NullMarked
package com.waplatform.webhook.templates.domain;

import org.jspecify.annotations.NullMarked;
