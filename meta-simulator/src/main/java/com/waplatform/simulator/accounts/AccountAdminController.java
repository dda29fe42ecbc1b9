package com.waplatform.simulator.accounts;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/accounts}: list the accounts, add or replace one at runtime. */
@RestController
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private final AccountRegistry accounts;

	AccountAdminController(AccountRegistry accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<Account> list() {
		return this.accounts.all();
	}

	@PostMapping
	Account put(@Valid @RequestBody Account account) {
		this.accounts.put(account);
		return account;
	}

}
