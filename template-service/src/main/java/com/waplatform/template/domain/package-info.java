@NullMarked
package com.waplatform.template.domain;

import org.jspecify.annotations.NullMarked;
