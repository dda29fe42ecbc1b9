@NullMarked
package com.waplatform.callback.endpoints.domain;

import org.jspecify.annotations.NullMarked;
