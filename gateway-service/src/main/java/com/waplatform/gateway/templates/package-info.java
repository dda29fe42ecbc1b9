@NullMarked
package com.waplatform.gateway.templates;

import org.jspecify.annotations.NullMarked;
