package com.waplatform.gateway.webhooks;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.waplatform.gateway.webhooks.WebhookTenants.Tenant;

/**
 * Whose webhook this is, decided from the accounts its entries name before any signature
 * is checked: one organization (whose app secret alone may have signed it), nobody we
 * know (answered 200 and dropped, as Meta expects a 200 for what it delivered), or a
 * payload that cannot be attributed to one tenant (refused).
 */
sealed interface Attribution {

	static Attribution of(Set<String> wabaIds, Map<String, Tenant> known) {
		if (known.isEmpty()) {
			return new Unknown();
		}
		if (known.size() < wabaIds.size()) {
			return new Refused("entries name accounts that are not configured beside configured ones");
		}
		Set<Tenant> tenants = Set.copyOf(known.values());
		if (tenants.contains(Tenant.AMBIGUOUS)) {
			return new Refused("an account named is configured for more than one organization");
		}
		Set<String> organizations = tenants.stream().map(Tenant::organizationId).collect(Collectors.toSet());
		if (organizations.size() > 1) {
			return new Refused("entries belong to more than one organization");
		}
		return new Owned(tenants.iterator().next());
	}

	/** Every account named belongs to this tenant. */
	record Owned(Tenant tenant) implements Attribution {
	}

	/** No account named is configured here. */
	record Unknown() implements Attribution {
	}

	record Refused(String reason) implements Attribution {
	}

}
