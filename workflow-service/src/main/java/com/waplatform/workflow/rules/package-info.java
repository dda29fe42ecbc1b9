@NullMarked
package com.waplatform.workflow.rules;

import org.jspecify.annotations.NullMarked;
