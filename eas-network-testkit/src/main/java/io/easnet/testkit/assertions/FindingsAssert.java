package io.easnet.testkit.assertions;

import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the findings of one rule in a report; each narrows to the findings that match. */
public final class FindingsAssert extends AbstractAssert<FindingsAssert, List<Finding>> {
  private final String ruleId;

  FindingsAssert(String ruleId, List<Finding> findings) {
    super(findings, FindingsAssert.class);
    this.ruleId = ruleId;
  }

  /** One of the findings points at this JSON pointer. */
  public FindingsAssert at(String pointer) {
    List<Finding> at = actual.stream().filter(f -> f.pointer().equals(pointer)).toList();
    if (at.isEmpty()) {
      failWithMessage("Expected %s at %s, but it is at %s", ruleId, pointer,
          actual.stream().map(Finding::pointer).toList());
    }
    return new FindingsAssert(ruleId, at);
  }

  /** One of the findings has this severity. */
  public FindingsAssert withSeverity(Severity severity) {
    List<Finding> with = actual.stream().filter(f -> f.severity() == severity).toList();
    if (with.isEmpty()) {
      failWithMessage("Expected %s with severity %s, but the severities are %s", ruleId, severity,
          actual.stream().map(Finding::severity).toList());
    }
    return new FindingsAssert(ruleId, with);
  }

  /** One of the findings' messages contains this text. */
  public FindingsAssert withMessageContaining(String text) {
    List<Finding> with = actual.stream().filter(f -> f.message().contains(text)).toList();
    if (with.isEmpty()) {
      failWithMessage("Expected %s with a message containing %s, but the messages are%n  %s", ruleId, text,
          String.join(System.lineSeparator() + "  ", actual.stream().map(Finding::message).toList()));
    }
    return new FindingsAssert(ruleId, with);
  }

  /** One of the findings names this resource id. */
  public FindingsAssert about(String resourceId) {
    List<Finding> with = actual.stream().filter(f -> f.resourceIds().contains(resourceId)).toList();
    if (with.isEmpty()) {
      failWithMessage("Expected %s about %s, but it is about %s", ruleId, resourceId,
          actual.stream().map(Finding::resourceIds).toList());
    }
    return new FindingsAssert(ruleId, with);
  }
}
