@NullMarked
package com.waplatform.workflow.rules.domain;

import org.jspecify.annotations.NullMarked;
