/**
 * The immutable domain model: typed ids, CIDRs and port ranges, the EAS service, the resource group's VPC direct
 * connection and the network inventory (VPCs, vSwitches, security groups, NAT gateways, SNAT entries, EIPs, route
 * tables, ECS instances and the allowlists of RDS and Redis instances).
 *
 * <p>Every value is built with a fluent builder ({@code Vpc.builder()…build()}) and is safe to share between
 * threads. Builders check single values (an id prefix, a CIDR that parses, a priority in range); policy across
 * objects belongs to the rule catalogue.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    get = {"is*", "get*"},
    depluralize = true,
    depluralizeDictionary = {"entry:entries", "switch:switches", "address:addresses", "storage:storage"},
    defaults = @Value.Immutable(copy = false))
package io.easnet.core.model;

import org.immutables.value.Value;
