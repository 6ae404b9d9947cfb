package io.easnet.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.change.Change;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed data of an explanation as JSON: its {@link Component}, what is {@link Missing} (each record written as an
 * object with a {@code type} and one key per record component) and its remedy (a {@link Change}, written by its kind:
 * {@link Change#writeRemedy}), with ids and addresses as the cloud spells them, so that a program reads the report
 * without parsing prose.
 */
final class DataJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DataJson() {}

  static ObjectNode component(Component c) {
    ObjectNode n = F.objectNode();
    n.put("kind", c.kind().name());
    n.put("id", c.id());
    c.parent().ifPresent(p -> n.set("parent", component(p)));
    return n;
  }

  static ObjectNode remedy(Change r) {
    ObjectNode n = F.objectNode();
    n.put("type", r.getClass().getSimpleName());
    r.writeRemedy(n);
    n.put("billed", r.billed());
    n.put("description", r.describe());
    return n;
  }

  static ObjectNode missing(Missing m) {
    return record((Record) m);
  }

  private static ObjectNode record(Record r) {
    ObjectNode n = F.objectNode();
    n.put("type", r.getClass().getSimpleName());
    for (RecordComponent rc : r.getClass().getRecordComponents()) {
      try {
        n.set(rc.getName(), value(rc.getAccessor().invoke(r)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass().getSimpleName(), e);
      }
    }
    return n;
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return F.nullNode();
    }
    if (v instanceof Optional<?> o) {
      return o.map(DataJson::value).orElse(F.nullNode());
    }
    if (v instanceof Collection<?> c) {
      ArrayNode a = F.arrayNode();
      c.forEach(x -> a.add(value(x)));
      return a;
    }
    if (v instanceof Record r) {
      return record(r);
    }
    if (v instanceof Component c) {
      return component(c);
    }
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Number x) {
      return F.numberNode(x.longValue());
    }
    if (v instanceof Enum<?> e) {
      return F.textNode(e.name());
    }
    if (v instanceof SecurityGroupRule rule) {
      ObjectNode n = F.objectNode();
      n.put("direction", rule.direction().name().toLowerCase(Locale.ROOT));
      n.put("protocol", rule.protocol().name());
      n.put("portRange", rule.portRange().toString());
      n.put("peer", rule.peer().toString());
      n.put("policy", rule.policy().name().toLowerCase(Locale.ROOT));
      n.put("priority", rule.priority());
      rule.description().ifPresent(d -> n.put("description", d));
      return n;
    }
    if (v instanceof ServiceNetworking s) {
      ObjectNode n = F.objectNode();
      s.vpcId().ifPresent(x -> n.put("vpc_id", x.value()));
      s.vSwitchId().ifPresent(x -> n.put("vswitch_id", x.value()));
      s.securityGroupId().ifPresent(x -> n.put("security_group_id", x.value()));
      return n;
    }
    if (v instanceof DLink d) {
      ObjectNode n = F.objectNode();
      d.vpcId().ifPresent(x -> n.put("vpcId", x.value()));
      n.put("vSwitchId", d.vSwitchId().value());
      n.put("securityGroupId", d.securityGroupId().value());
      n.set("vSwitchIdList", value(d.auxVSwitchIds()));
      n.set("destinationCidrs", value(d.destinationCidrs()));
      return n;
    }
    if (v instanceof ResourceId id) {
      return F.textNode(id.value());
    }
    return F.textNode(v.toString());
  }
}
