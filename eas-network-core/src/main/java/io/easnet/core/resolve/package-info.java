/**
 * Which VPC configuration is in effect for a service, and why: {@link io.easnet.core.resolve.NetworkResolver} turns a
 * service and its optional resource group into an {@link io.easnet.core.resolve.EffectiveNetwork} with provenance.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    get = {"is*", "get*"},
    depluralize = true,
    depluralizeDictionary = {"entry:entries", "switch:switches", "address:addresses", "storage:storage"},
    defaults = @Value.Immutable(copy = false))
package io.easnet.core.resolve;

import org.immutables.value.Value;
