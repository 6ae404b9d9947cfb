/**
 * Fluent AssertJ assertions for the domain, all reached through {@link io.easnet.testkit.assertions.EasAssertions}:
 *
 * <pre>{@code
 * assertThat(inventory).isConsistent().hasRule(group, rule);
 * assertThat(fake).madeExactlyCalls(CloudActions.DESCRIBE_VPCS, CloudActions.DESCRIBE_VSWITCHES);
 * assertThat(report).hasFinding("EASNET-012").at("/cloud/networking/vswitch_id");
 * assertThat(path).isUnreachable().hasExplanation(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE);
 * }</pre>
 *
 * <p>Failure messages list every problem found, not only the first, and show what was there instead.
 */
package io.easnet.testkit.assertions;
