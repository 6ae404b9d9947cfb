/**
 * The one call for the common journey: from a snapshot and service files (with their intents) to one
 * {@link io.easnet.core.report.Report} holding the rule findings, the path result of every intent and the IP
 * capacity, through {@link io.easnet.core.check.NetworkCheck}.
 */
package io.easnet.core.check;
