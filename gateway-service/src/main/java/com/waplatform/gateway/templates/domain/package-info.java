@NullMarked
package com.waplatform.gateway.templates.domain;

import org.jspecify.annotations.NullMarked;
