/**
 * Fluent AssertJ assertions for the domain: {@code EasAssertions.assertThat(inventory).isConsistent()
 * .hasRule(group, rule)}, {@code assertThat(fake).madeExactlyCalls(...)}, {@code assertThat(report).hasFinding("EASNET-012").at("/cloud/networking/vswitch_id")}, {@code assertThat(path).isUnreachable().hasExplanation(code)}. Failure messages list every problem found,
 * not only the first.
 */
package io.easnet.testkit.assertions;
