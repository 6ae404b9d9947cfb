/**
 * Planning and applying the changes that make a service's intents reachable: {@link io.easnet.core.analysis.Intent.IntentsFile}
 * reads what each service must do, {@link io.easnet.core.plan.Planner} turns the path engine's remedies into a
 * minimal, ordered, proved {@link io.easnet.core.plan.Plan}, and {@link io.easnet.core.plan.Applier} applies it
 * through a {@link io.easnet.core.spi.CloudPort}, safely re-runnable after a crash.
 */
package io.easnet.core.plan;
