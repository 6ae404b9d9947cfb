/**
 * Implementation details of the analysis: compiled security-group rule sets, address interval sets and the CIDR
 * allocator. No compatibility promise; public signatures outside this package never mention these types.
 */
package io.easnet.core.analysis.internal;
