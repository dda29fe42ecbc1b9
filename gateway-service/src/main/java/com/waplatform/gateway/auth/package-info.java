@NullMarked
package com.waplatform.gateway.auth;

import org.jspecify.annotations.NullMarked;
