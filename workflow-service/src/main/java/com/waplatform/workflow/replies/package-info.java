@NullMarked
package com.waplatform.workflow.replies;

import org.jspecify.annotations.NullMarked;
