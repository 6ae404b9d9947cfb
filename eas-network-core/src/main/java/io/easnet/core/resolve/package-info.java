/**
 * Which VPC configuration is in effect for a service, and why: {@link io.easnet.core.resolve.NetworkResolver} turns a
 * service and its optional resource group into an {@link io.easnet.core.resolve.EffectiveNetwork} with provenance.
 */
@ValueStyle
package io.easnet.core.resolve;

import io.easnet.core.internal.ValueStyle;
