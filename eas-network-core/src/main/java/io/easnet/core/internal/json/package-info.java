/**
 * Implementation details of the JSON readers and writers: a lossless tree parser (exact numbers, duplicate-key
 * detection, JSON pointers in every error), a stable pretty printer and a typed cursor. No compatibility promise.
 */
package io.easnet.core.internal.json;
