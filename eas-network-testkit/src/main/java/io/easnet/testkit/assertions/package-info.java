/**
 * Fluent AssertJ assertions for the domain: {@code EasAssertions.assertThat(inventory).isConsistent()
 * .hasRule(group, rule)}, {@code assertThat(fake).madeExactlyCalls(...)}. Failure messages list every problem found,
 * not only the first.
 */
package io.easnet.testkit.assertions;
