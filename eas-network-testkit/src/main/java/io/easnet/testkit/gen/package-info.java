/**
 * Seeded generators of valid and deliberately invalid domain values: CIDRs, port ranges, security-group rules and
 * rule sets, whole consistent estates, and service JSON text (valid, malformed and wrongly shaped). Each takes a
 * {@link java.util.random.RandomGenerator} and returns a value, so any property-testing tool &mdash; a plain loop over
 * a seeded {@code SplittableRandom}, or a Jazzer {@code @FuzzTest} seeding one from its {@code FuzzedDataProvider}
 * &mdash; can drive them. The same seed always gives the same values.
 */
package io.easnet.testkit.gen;
