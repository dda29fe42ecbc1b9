package com.waplatform.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The simulator on a random port with its test profile ({@code meta-simulator-test.yml}).
 * Every test class using it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = MetaSimulatorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=meta-simulator")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
public @interface SimulatorTest {

}
