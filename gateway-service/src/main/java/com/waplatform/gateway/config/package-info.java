@NullMarked
package com.waplatform.gateway.config;

import org.jspecify.annotations.NullMarked;
