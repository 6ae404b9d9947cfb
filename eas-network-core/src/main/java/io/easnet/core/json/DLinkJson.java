package io.easnet.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three spellings of a resource group's VPC direct connection ({@link DLink}):
 *
 * <ul>
 *   <li>the {@code DescribeResourceDLink} response: {@code VpcId}, {@code VSwitchId}, {@code SecurityGroupId},
 *       {@code AuxVSwitchList} (array) and {@code DestinationCIDRs} (comma list);
 *   <li>the {@code UpdateResourceDLink} request body: {@code VSwitchId}, {@code SecurityGroupId},
 *       {@code VSwitchIdList} (array) and {@code DestinationCIDRs} (comma list), no VPC;
 *   <li>the {@code ExtraData} string of {@code DescribeResource}: a JSON object encoded as a string, with
 *       {@code vpc_id}, {@code vswitch_id}, {@code aux_vswitch_id_list}, {@code security_group_id} and
 *       {@code destination_cidr}; its other keys ({@code gpu_share}, {@code role_arn}, …) are ignored.
 * </ul>
 *
 * <p>Keys the cloud may add to its responses are ignored. Destination CIDRs are read as the cloud stores them: host
 * bits are cleared ({@code 172.16.0.12/28} becomes {@code 172.16.0.0/28}). Stateless and thread-safe.
 */
final class DLinkJson {
  private static final String DESCRIBE = "DescribeResourceDLink response";
  private static final String UPDATE = "UpdateResourceDLink request";
  private static final String EXTRA_DATA = "DescribeResource ExtraData";

  private DLinkJson() {}

  /**
   * Parses a {@code DescribeResourceDLink} response body.
   *
   * @throws InvalidInputException when the JSON is malformed, {@code VSwitchId} or {@code SecurityGroupId} is missing,
   *     or an id or CIDR is invalid
   */
  static DLink fromDescribeResponse(String json) {
    Cursor root = object(json, DESCRIBE);
    DLink.Builder b = DLink.builder();
    root.optText("VpcId", true).ifPresent(v -> b.vpcId(vpc(root.get("VpcId"))));
    common(root, b, "VSwitchId", "SecurityGroupId");
    for (Cursor c : root.elements("AuxVSwitchList")) {
      b.addAuxVSwitchId(vSwitch(c));
    }
    cidrs(root.get("DestinationCIDRs"), b);
    return root.convert(b::build, "correct the response.");
  }

  /**
   * Parses an {@code UpdateResourceDLink} request body.
   *
   * @throws InvalidInputException as {@link #fromDescribeResponse(String)}
   */
  static DLink fromUpdateRequest(String json) {
    Cursor root = object(json, UPDATE);
    DLink.Builder b = DLink.builder();
    common(root, b, "VSwitchId", "SecurityGroupId");
    for (Cursor c : root.elements("VSwitchIdList")) {
      b.addAuxVSwitchId(vSwitch(c));
    }
    cidrs(root.get("DestinationCIDRs"), b);
    return root.convert(b::build, "correct the request body.");
  }

  /**
   * Parses the {@code ExtraData} string of a {@code DescribeResource} response. Empty when the resource group has no
   * VPC direct connection (no {@code vswitch_id}, or an empty {@code ExtraData}).
   *
   * @param extraData the value of {@code ExtraData}: JSON text of an object
   * @throws InvalidInputException when the JSON is malformed, a VPC connection has no {@code security_group_id}, or
   *     an id or CIDR is invalid
   */
  static Optional<DLink> fromResourceExtraData(String extraData) {
    if (extraData == null || extraData.isBlank()) {
      return Optional.empty();
    }
    Cursor root = object(extraData, EXTRA_DATA);
    if (root.optText("vswitch_id", true).isEmpty()) {
      return Optional.empty();
    }
    DLink.Builder b = DLink.builder();
    root.optText("vpc_id", true).ifPresent(v -> b.vpcId(vpc(root.get("vpc_id"))));
    common(root, b, "vswitch_id", "security_group_id");
    for (Cursor c : root.elements("aux_vswitch_id_list")) {
      b.addAuxVSwitchId(vSwitch(c));
    }
    cidrs(root.get("destination_cidr"), b);
    return Optional.of(root.convert(b::build, "correct ExtraData."));
  }

  /**
   * Renders the {@code UpdateResourceDLink} request body for {@code dlink}: {@code VSwitchId},
   * {@code SecurityGroupId}, then {@code VSwitchIdList} and {@code DestinationCIDRs} when not empty. The VPC is not
   * part of the request (it follows from the vSwitch).
   */
  static String toUpdateRequest(DLink dlink) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("VSwitchId", dlink.vSwitchId().value());
    o.put("SecurityGroupId", dlink.securityGroupId().value());
    if (!dlink.auxVSwitchIds().isEmpty()) {
      ArrayNode list = o.putArray("VSwitchIdList");
      dlink.auxVSwitchIds().forEach(id -> list.add(id.value()));
    }
    if (!dlink.destinationCidrs().isEmpty()) {
      o.put("DestinationCIDRs",
          dlink.destinationCidrs().stream().map(Cidr::toString).collect(Collectors.joining(",")));
    }
    return JsonTrees.write(o);
  }

  private static Cursor object(String json, String source) {
    JsonNode node = JsonTrees.parse(json, source);
    Cursor root = Cursor.root(node, source);
    if (!root.isObject()) {
      throw root.error(
          "expected a JSON object but found " + Cursor.describe(node) + ".", "pass the JSON object the API uses.");
    }
    return root;
  }

  private static void common(Cursor root, DLink.Builder b, String vSwitchKey, String groupKey) {
    b.vSwitchId(vSwitch(root.required(vSwitchKey)));
    Cursor g = root.required(groupKey);
    b.securityGroupId(g.as(SecurityGroupId::of, "use a security group id, which starts with \"sg-\"."));
  }

  private static VpcId vpc(Cursor c) {
    return c.as(VpcId::of, "use a VPC id, which starts with \"vpc-\".");
  }

  private static VSwitchId vSwitch(Cursor c) {
    return c.as(VSwitchId::of, "use a vSwitch id, which starts with \"vsw-\".");
  }

  private static void cidrs(Cursor c, DLink.Builder b) {
    if (!c.isPresent()) {
      return;
    }
    if (c.isArray()) {
      for (Cursor e : c.elements()) {
        b.addDestinationCidr(cidr(e, e.text()));
      }
      return;
    }
    for (String part : c.text().split(",")) {
      if (!part.isBlank()) {
        b.addDestinationCidr(cidr(c, part.trim()));
      }
    }
  }

  private static Cidr cidr(Cursor c, String text) {
    return c.convert(() -> Cidr.parseNormalizing(text), "write CIDR blocks such as 172.16.0.0/16, separated by commas.");
  }
}
