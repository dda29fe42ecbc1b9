@NullMarked
package com.waplatform.gateway.messages;

import org.jspecify.annotations.NullMarked;
