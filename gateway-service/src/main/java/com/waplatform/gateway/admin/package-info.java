@NullMarked
package com.waplatform.gateway.admin;

import org.jspecify.annotations.NullMarked;
