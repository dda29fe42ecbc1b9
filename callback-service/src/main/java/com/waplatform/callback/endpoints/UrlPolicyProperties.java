package com.waplatform.callback.endpoints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where callbacks may go ({@code callbacks.*}).
 *
 * @param allowLocalHttp development only: {@code http://} URLs and private, loopback and
 * link-local addresses are accepted (the dev stack sets it so that
 * {@code http://localhost} and {@code http://127.0.0.1} receive callbacks). Off in
 * production: HTTPS to public addresses only.
 */
@Validated
@ConfigurationProperties("callbacks")
public record UrlPolicyProperties(@DefaultValue("false") boolean allowLocalHttp) {

}
