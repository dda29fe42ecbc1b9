package com.waplatform.common.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerIdsTests {

	@Test
	void aNumberIsKeyedInE164WhetherLibphonenumberKnowsItOrNot() {
		assertThat(CustomerIds.phoneOrNull("16505551234")).isEqualTo("+16505551234");
		assertThat(CustomerIds.phoneOrNull("+1 650-555-1234")).isEqualTo("+16505551234");
		// Meta's id is authoritative: a number of a range libphonenumber does not know
		assertThat(CustomerIds.phoneOrNull("1111111111111")).isEqualTo("+1111111111111");
		assertThat(CustomerIds.phoneOrNull("PHONE_NUMBER")).isNull();
		assertThat(CustomerIds.phoneOrNull("123456")).isNull();
		assertThat(CustomerIds.phoneOrNull(" ")).isNull();
	}

	@Test
	void aClientNamesACustomerByNumberOrByBusinessScopedUserIdAsTheyAreStored() {
		assertThat(CustomerIds.parse("+1111111111111")).isEqualTo("+1111111111111");
		assertThat(CustomerIds.parse("1111111111111")).isEqualTo("+1111111111111");
		assertThat(CustomerIds.parse("US.13491208655302741918")).isEqualTo("US.13491208655302741918");
		assertThat(CustomerIds.parse("+34 612 000 205")).isEqualTo("+34612000205");
		assertThat(CustomerIds.parse("not a customer!")).isNull();
		assertThat(CustomerIds.isUserId("BSUID_123")).isTrue();
		assertThat(CustomerIds.isUserId("16505551234")).isFalse();
	}

}
