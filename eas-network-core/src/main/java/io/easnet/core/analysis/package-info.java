/**
 * Reachability and capacity analysis with Alibaba Cloud's semantics.
 *
 * <ul>
 *   <li>{@link io.easnet.core.analysis.SecurityGroupEvaluator}: the verdict of the security groups of one network
 *       interface for one flow, with the deciding rule or the group type's default.
 *   <li>{@link io.easnet.core.analysis.PathAnalyzer}: EAS to a private target, EAS to the internet, an ECS client to
 *       EAS; one {@link io.easnet.core.analysis.PathResult.VSwitchPath} per vSwitch and every blocker as an
 *       {@link io.easnet.core.analysis.Explanation} with a stable {@link io.easnet.core.analysis.Explanation.ExplanationCode}.
 *   <li>{@link io.easnet.core.analysis.CapacityAnalyzer}: private IPs needed at peak against those free, per vSwitch.
 *   <li>{@link io.easnet.core.analysis.EstateAnalysis}: all of these once per run over an
 *       {@link io.easnet.core.analysis.EstateAnalysis.AnalysisInput} (the inventory and the {@link io.easnet.core.analysis.EstateAnalysis.ServiceInput
 *       services with their intents}, or an {@link io.easnet.core.analysis.Intent.IntentsFile}); the rule catalogue, the
 *       planner and {@code NetworkCheck} read its results.
 * </ul>
 *
 * <p>Everything here is immutable and thread safe; analysers compile what they need from the inventory once.
 */
@ValueStyle
package io.easnet.core.analysis;

import io.easnet.core.internal.ValueStyle;
