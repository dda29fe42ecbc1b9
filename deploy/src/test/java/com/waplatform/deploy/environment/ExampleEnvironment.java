package com.waplatform.deploy.environment;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables an operator gives Compose: {@code .env.example} with its blank secrets
 * filled in as its comments say (a fresh 256-bit credential key, random tokens and
 * passwords).
 */
public final class ExampleEnvironment {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ExampleEnvironment() {
	}

	/** {@code .env.example} of the repository, every blank value generated. */
	public static Map<String, String> filledIn(Path repository) {
		Map<String, String> variables = new LinkedHashMap<>(ComposeFile.dotEnv(repository.resolve(".env.example")));
		variables.replaceAll((name, value) -> value.isEmpty() ? secret() : value);
		return variables;
	}

	/** 32 random bytes in URL-safe Base64: a valid credential key, token or password. */
	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
