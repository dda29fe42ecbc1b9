/**
 * Counters per business number: sends received, accepted, refused by code, faults
 * injected, and a per-second timeline of accepted and refused sends.
 */
@NullMarked
package com.waplatform.simulator.stats;

import org.jspecify.annotations.NullMarked;
