/**
 * Implementation helpers shared by the core packages: JSON pointers, "did you mean" suggestions and the Immutables
 * style. Nothing here carries a compatibility promise, and no public signature outside {@code internal} packages
 * names these types.
 */
package io.easnet.core.internal;
