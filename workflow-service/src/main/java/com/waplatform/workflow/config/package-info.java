@NullMarked
package com.waplatform.workflow.config;

import org.jspecify.annotations.NullMarked;
