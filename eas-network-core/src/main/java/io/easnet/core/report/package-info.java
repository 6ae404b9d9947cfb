/**
 * Reports over rule findings, path results and capacity: a {@link io.easnet.core.report.Report} value and its
 * renderings as text (colour on request), JSON, SARIF 2.1.0, JUnit XML and Markdown with a Mermaid diagram per
 * analysed path. {@link io.easnet.core.report.Report.ReportFormat} picks one by name.
 */
@ValueStyle
package io.easnet.core.report;

import io.easnet.core.internal.ValueStyle;
