/**
 * Refuses to start a service in production (Spring profile {@code prod}, or
 * {@code platform.production=true}) with development settings: see
 * {@link com.waplatform.support.production.ProductionReadinessCheck} and
 * {@code docs/production.md}.
 */
@NullMarked
package com.waplatform.support.production;

import org.jspecify.annotations.NullMarked;
