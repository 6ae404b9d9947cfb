/**
 * The wire emulator: {@link io.easnet.testkit.emulator.Emulator} serves a {@link io.easnet.testkit.FakeCloud}'s
 * state in Alibaba Cloud's RPC and ROA protocol over HTTP (signatures, errors, pagination, the fake's faults and
 * wire faults) for the operations the Aliyun adapter uses. It is a library: {@code Emulator.builder()} builds one
 * and {@code start(port)} serves it, in process; nothing here exits the process. {@code eas-net emulator} (the CLI)
 * runs it standalone with its options on the command line. It shares no wire code with the adapter (its error codes
 * are {@code internal.wire.ErrorCodes}, the adapter's its own): each checks the other.
 */
package io.easnet.testkit.emulator;
