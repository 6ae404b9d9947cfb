/**
 * Implementation details of the JSON readers and writers: a lossless tree parser (exact numbers, string escapes and
 * {@code -0} as written, duplicate-key and unpaired-surrogate detection, UTF-8 and size checks, JSON pointers in every
 * error), a stable pretty printer, a typed cursor, the snapshot layout ({@link
 * io.easnet.core.internal.json.SnapshotLayout}) and the escaping of user text in messages. No compatibility promise.
 */
package io.easnet.core.internal.json;
