@NullMarked
package com.waplatform.sender.domain;

import org.jspecify.annotations.NullMarked;
