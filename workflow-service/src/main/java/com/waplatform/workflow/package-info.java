@NullMarked
package com.waplatform.workflow;

import org.jspecify.annotations.NullMarked;
