/**
 * The re-check of template messages against the latest template snapshots
 * ({@code wa.template-sync}, through service-support's {@code TemplateDirectory}) right
 * before Meta is called.
 */
@NullMarked
package com.waplatform.sender.templates;

import org.jspecify.annotations.NullMarked;
