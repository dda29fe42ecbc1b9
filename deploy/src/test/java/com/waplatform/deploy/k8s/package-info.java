/**
 * Checks of the Kubernetes manifests in {@code deploy/k8s}: every overlay rendered with
 * {@code kubectl kustomize}, parsed with fabric8's model (unknown fields fail) and held
 * to the platform's rules (probes, limits, security, autoscaling, network policies, Kafka
 * topics, configuration).
 */
package com.waplatform.deploy.k8s;
