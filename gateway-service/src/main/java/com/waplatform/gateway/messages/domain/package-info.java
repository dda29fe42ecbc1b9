@NullMarked
package com.waplatform.gateway.messages.domain;

import org.jspecify.annotations.NullMarked;
