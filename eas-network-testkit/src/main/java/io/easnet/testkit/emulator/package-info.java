/**
 * The wire emulator: {@link io.easnet.testkit.emulator.Emulator} serves a {@link io.easnet.testkit.FakeCloud}'s
 * state in Alibaba Cloud's RPC and ROA protocol over HTTP (signatures, errors, pagination, the fake's faults and
 * wire faults) for the operations the Aliyun adapter uses, and
 * {@link io.easnet.testkit.emulator.EmulatorLauncher} runs it standalone. It shares no wire code with the adapter:
 * each checks the other.
 */
package io.easnet.testkit.emulator;
