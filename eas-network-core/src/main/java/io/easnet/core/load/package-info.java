/**
 * The live inventory loader: from a {@link io.easnet.core.load.InventoryLoader.Question} it derives the minimal set of cloud calls,
 * runs the independent ones in parallel, caches every call within one run and reports each HTTP request to a
 * {@link io.easnet.core.spi.RequestListener}. The result is an ordinary {@link io.easnet.core.model.Inventory}, so the
 * analysis never knows whether its facts came from a snapshot or from the cloud.
 */
package io.easnet.core.load;
