/**
 * The immutable domain model: typed ids, CIDRs and port ranges, the EAS service, the resource group's VPC direct
 * connection and the network inventory (VPCs, vSwitches, security groups, NAT gateways, SNAT entries, EIPs, route
 * tables, ECS instances and the allowlists of RDS and Redis instances).
 *
 * <p>Every value is built with a fluent builder ({@code Vpc.builder()…build()}) and is safe to share between
 * threads. Builders check single values (an id prefix, a CIDR that parses, a priority in range); policy across
 * objects belongs to the rule catalogue.
 */
@ValueStyle
package io.easnet.core.model;

import io.easnet.core.internal.ValueStyle;
