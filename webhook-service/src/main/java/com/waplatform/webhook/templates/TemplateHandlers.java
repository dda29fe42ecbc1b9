package com.waplatform.webhook.templates;

import com.waplatform.common.template.TemplateUpdated;
import com.waplatform.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link TemplateChangeHandler} per template webhook field. */
@Configuration(proxyBeanMethods = false)
class TemplateHandlers {

	@Bean
	TemplateChangeHandler templateStatusHandler(Outbox outbox, MeterRegistry meters) {
		return new TemplateChangeHandler(TemplateUpdated.STATUS_FIELD, outbox, meters);
	}

	@Bean
	TemplateChangeHandler templateQualityHandler(Outbox outbox, MeterRegistry meters) {
		return new TemplateChangeHandler(TemplateUpdated.QUALITY_FIELD, outbox, meters);
	}

	@Bean
	TemplateChangeHandler templateCategoryHandler(Outbox outbox, MeterRegistry meters) {
		return new TemplateChangeHandler(TemplateUpdated.CATEGORY_FIELD, outbox, meters);
	}

	@Bean
	TemplateChangeHandler templateComponentsHandler(Outbox outbox, MeterRegistry meters) {
		return new TemplateChangeHandler(TemplateUpdated.COMPONENTS_FIELD, outbox, meters);
	}

}
