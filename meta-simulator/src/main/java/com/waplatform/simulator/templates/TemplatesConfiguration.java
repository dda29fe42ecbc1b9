package com.waplatform.simulator.templates;

import java.util.List;

import com.waplatform.common.meta.MessageTemplate;
import com.waplatform.simulator.SimulatorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

	@Bean
	TemplateStore templateStore(SimulatorProperties properties) {
		SimulatorProperties.Catalog catalog = properties.catalog();
		List<MessageTemplate> generated = TemplateCatalog.generate(catalog.templatesPerWaba());
		return new TemplateStore(properties.seedTemplates() ? SeedTemplates.load() : List.of(),
				(wabaId) -> (catalog.wabaIds().isEmpty() || catalog.wabaIds().contains(wabaId)) ? generated
						: List.of());
	}

}
