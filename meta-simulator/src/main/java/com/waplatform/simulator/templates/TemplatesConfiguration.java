package com.waplatform.simulator.templates;

import java.util.List;

import com.waplatform.simulator.SimulatorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

	@Bean
	TemplateStore templateStore(SimulatorProperties properties) {
		return new TemplateStore(properties.seedTemplates() ? SeedTemplates.load() : List.of());
	}

}
