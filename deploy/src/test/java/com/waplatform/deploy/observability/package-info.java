/**
 * Checks of the observability files: Prometheus configuration and alert rules (with
 * promtool), Grafana dashboards and provisioning, and the runbook entries of the alerts.
 */
@NullMarked
package com.waplatform.deploy.observability;

import org.jspecify.annotations.NullMarked;
