package io.easnet.core.json;

import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes {@link Snapshot} files. The layout (camelCase keys; the JSON Schema
 * {@code io/easnet/core/json/snapshot-v1.schema.json} in this jar documents every key):
 *
 * <pre>
 * {
 *   "schemaVersion": 1,
 *   "regionId": "cn-hangzhou",
 *   "vpcs": [{"id", "name", "regionId", "cidrBlock", "secondaryCidrBlocks", "ipv6CidrBlock", "tags"}],
 *   "vSwitches": [{"id", "vpcId", "name", "zoneId", "cidrBlock", "ipv6CidrBlock", "routeTableId",
 *                  "reservedCidrBlocks", "availableIpAddressCount", "tags"}],
 *   "securityGroups": [{"id", "vpcId", "name", "type": "normal|enterprise", "innerAccessPolicy": "accept|drop",
 *                       "rules": [{"direction": "ingress|egress", "protocol": "tcp|udp|icmp|icmpv6|gre|all",
 *                                  "portRange": "22/22", "peerCidr" | "peerGroupId" | "peerPrefixListId",
 *                                  "policy": "accept|drop", "priority": 1, "ruleId", "description"}], "tags"}],
 *   "natGateways": [{"id", "vpcId", "vSwitchId", "name", "networkType": "internet|intranet", "status", "eipIds",
 *                    "snatTableIds", "tags"}],
 *   "snatEntries": [{"id", "snatTableId", "natGatewayId", "sourceVSwitchId" | "sourceCidr", "snatIps", "status",
 *                    "name"}],
 *   "eips": [{"id", "ipAddress", "status", "instanceId", "instanceType", "name"}],
 *   "routeTables": [{"id", "vpcId", "type": "system|custom", "entries": [{"destination", "nextHopType",
 *                    "nextHopId"}]}],
 *   "ecsInstances": [{"id", "vpcId", "vSwitchId", "name", "privateIps", "publicIp", "securityGroupIds", "tags"}],
 *   "rdsInstances" and "redisInstances": [{"id", "name", "vpcId", "vSwitchId", "privateIp", "port",
 *                    "allowlists": [{"name", "entries", "hidden"}], "securityGroupIds"}],
 *   "resourceGroups": [{"id", "name", "dlink": {"vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds",
 *                       "destinationCidrs"}}],
 *   "services": [ service JSON, exactly as eascmd takes it ]
 * }
 * </pre>
 *
 * <p>A {@code "$schema"} key is kept ({@link Snapshot#schema()}) and written back. Any other unknown key is an error
 * naming its pointer and the nearest known key: a typo must not silently drop facts. Absent optional values and
 * empty lists are omitted when writing; defaults are written out. Services keep their text as written (escapes,
 * {@code -0}, unknown keys and their order).
 *
 * <p>Values the cloud can never return are read errors with their pointer: a TCP or UDP rule without a port range or
 * with {@code -1/-1} (the ECS API takes it only for ICMP, GRE and ALL), an {@code availableIpAddressCount} above the
 * vSwitch's usable addresses, a private or reserved address as an EIP, two routes to one destination in a table, two
 * allowlist groups of one name on an instance, an unpaired surrogate in a string. So are references a capture always
 * resolves: a vSwitch, group, NAT gateway, route table or instance whose VPC is not in the snapshot, a NAT gateway's
 * EIPs and an EIP's gateway, a SNAT entry's gateway, table and vSwitch, an instance's vSwitch and groups, a rule's
 * peer group, each also in the right VPC ({@code docs/snapshot-references.md} lists every reference and its
 * source). Contradictions of values <em>between</em> resources, which a stitched or stale snapshot can hold, are
 * findings of the rule catalogue instead (EASNET-041 to EASNET-047). Files are read up to
 * {@value #MAX_INPUT_DESCRIPTION}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SnapshotJson {
  /** The classpath location of the JSON Schema (draft-07) of version 1. */
  public static final String SCHEMA_RESOURCE = "/io/easnet/core/json/snapshot-v1.schema.json";

  /** The largest file (and text) the readers accept, in bytes (characters for text): 64 MiB. */
  public static final long MAX_INPUT_BYTES = JsonTrees.MAX_INPUT_BYTES;

  /** {@link #MAX_INPUT_BYTES} as written in messages. */
  public static final String MAX_INPUT_DESCRIPTION = JsonTrees.MAX_INPUT_DESCRIPTION;

  private SnapshotJson() {}

  /** The JSON Schema (draft-07) of the snapshot layout, as shipped at {@link #SCHEMA_RESOURCE}. */
  public static String schemaJson() {
    try (InputStream in = SnapshotJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the snapshot schema is missing from the classpath: " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a snapshot file (UTF-8, without a byte-order mark, at most {@value #MAX_INPUT_DESCRIPTION}).
   *
   * @throws InvalidInputException when the file is missing, unreadable, too large or not UTF-8, or as
   *     {@link #parse(String, String)}
   */
  public static Snapshot read(Path path) {
    return parse(JsonTrees.readFile(path), path.toString());
  }

  /**
   * Parses a snapshot.
   *
   * @param json the text
   * @param sourceName the file name used in messages, or {@code null}
   * @throws InvalidInputException for malformed JSON, a missing or unsupported {@code schemaVersion}, an unknown key
   *     (with a "did you mean"), a wrong type, an invalid id, CIDR or address, a duplicate id, a value the cloud
   *     cannot return, or an invalid service
   */
  public static Snapshot parse(String json, String sourceName) {
    Map<String, Long> at = new HashMap<>();
    Snapshot s = SnapshotReader.read(JsonTrees.parse(json, sourceName, at), sourceName);
    return at.isEmpty() ? s : Snapshot.builder().from(s).positions(SourcePositions.of(at)).build();
  }

  /** Writes the snapshot to {@code path} as UTF-8, replacing the file. */
  public static void write(Snapshot snapshot, Path path) {
    JsonTrees.writeFile(path, toJson(snapshot));
  }

  /** The snapshot as JSON in the stable pretty format; {@code parse(toJson(s), …)} equals {@code s}. */
  public static String toJson(Snapshot snapshot) {
    return JsonTrees.write(SnapshotWriter.tree(snapshot));
  }
}
