/**
 * The rule catalogue: {@link io.easnet.core.rules.RuleCatalog} runs every {@link io.easnet.core.rules.Rule} over the
 * {@link io.easnet.core.analysis.EstateAnalysis} of an {@link io.easnet.core.analysis.EstateAnalysis.AnalysisInput} and returns
 * {@link io.easnet.core.rules.Finding}s with stable ids ({@code EASNET-NNN}), severities, JSON pointers,
 * remediations, documentation links and fingerprints that survive reordering of the input. {@link io.easnet.core.rules.Suppressions} silence findings by id and scope until an expiry
 * date.
 */
@ValueStyle
package io.easnet.core.rules;

import io.easnet.core.internal.ValueStyle;
