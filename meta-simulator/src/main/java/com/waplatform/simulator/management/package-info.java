/**
 * Template management as Meta has it: create (PENDING, approved after a delay), delete,
 * status and quality changes, each announced by its WABA-level webhook.
 */
@NullMarked
package com.waplatform.simulator.management;

import org.jspecify.annotations.NullMarked;
