package com.waplatform.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomersTests {

	@Test
	void phoneNumbersAreNormalizedAndUserIdsKept() {
		assertThat(Customers.parse("+14155550123")).contains("+14155550123");
		assertThat(Customers.parse("14155550123")).contains("+14155550123");
		assertThat(Customers.parse(" +44 7911 123456 ")).contains("+447911123456");
		assertThat(Customers.parse("US.13491208655302741918")).contains("US.13491208655302741918");
		assertThat(Customers.parse("user.0123abcd")).contains("user.0123abcd");
	}

	@Test
	void anythingElseIsNoCustomer() {
		assertThat(Customers.parse(null)).isEmpty();
		assertThat(Customers.parse(" ")).isEmpty();
		assertThat(Customers.parse("123")).isEmpty();
		assertThat(Customers.parse("not a customer")).isEmpty();
		assertThat(Customers.parse("US.1'; drop table")).isEmpty();
	}

}
