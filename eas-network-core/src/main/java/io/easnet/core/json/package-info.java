/**
 * The files users touch: the EAS service JSON ({@link io.easnet.core.json.ServiceDocument}, read and written back
 * losslessly), the versioned snapshot of an estate ({@link io.easnet.core.json.Snapshot},
 * {@link io.easnet.core.json.SnapshotJson}, with a JSON Schema at {@code io/easnet/core/json/snapshot-v1.schema.json}
 * in the jar) and the three spellings of a resource group's VPC direct connection
 * ({@link io.easnet.core.json.DLinkJson}).
 *
 * <p>Every reader fails with {@link io.easnet.core.InvalidInputException} naming the file, the JSON pointer of the
 * offending value and a fix; never with a NullPointerException or a ClassCastException.
 */
@ValueStyle
package io.easnet.core.json;

import io.easnet.core.internal.ValueStyle;
