package com.waplatform.callback.endpoints.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRulesTests {

	@ParameterizedTest
	@CsvSource({ "127.0.0.1, loopback-address", "127.5.6.7, loopback-address", "::1, loopback-address",
			"10.0.0.1, private-address", "172.16.0.1, private-address", "172.31.255.255, private-address",
			"192.168.1.1, private-address", "100.64.0.1, private-address", "169.254.169.254, link-local-address",
			"fe80::1, link-local-address", "fc00::1, unique-local-address", "fd12:3456::1, unique-local-address",
			"fec0::1, private-address", "224.0.0.1, multicast-address", "ff02::1, multicast-address",
			"0.0.0.0, unspecified-address", "::, unspecified-address", "255.255.255.255, broadcast-address",
			"::ffff:127.0.0.1, loopback-address", "::ffff:10.1.2.3, private-address",
			"64:ff9b::a9fe:a9fe, link-local-address", "::10.0.0.1, private-address" })
	void internalAddressesAreRefusedNamingTheRule(String address, String rule) throws UnknownHostException {
		Refusal refusal = AddressRules.check(InetAddress.getByName(address));
		assertThat(refusal).isNotNull();
		assertThat(refusal.rule()).isEqualTo(rule);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
			"2a00:1450:4001::200e" })
	void publicAddressesAreAllowed(String address) throws UnknownHostException {
		assertThat(AddressRules.check(InetAddress.getByName(address))).isNull();
	}

}
