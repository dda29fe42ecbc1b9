package com.waplatform.common.template;

import com.waplatform.common.event.Event;

/** Values of {@code wa.template-sync}; a deleted template is a tombstone (null value). */
public sealed interface TemplateSyncEvent extends Event permits TemplateSnapshot {

}
