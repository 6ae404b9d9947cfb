package io.easnet.core.rules.internal;

/** RFC 6901 JSON pointers built from tokens, escaping {@code ~} and {@code /}. */
final class Pointers {
  static final String NETWORKING = "/cloud/networking";
  static final String VPC_ID = "/cloud/networking/vpc_id";
  static final String VSWITCH_ID = "/cloud/networking/vswitch_id";
  static final String SECURITY_GROUP_ID = "/cloud/networking/security_group_id";
  static final String RESOURCE = "/metadata/resource";

  private Pointers() {}

  static String of(Object... tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      sb.append('/').append(String.valueOf(t).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** The pointer of a networking key: {@code vpc_id} → {@code /cloud/networking/vpc_id}. */
  static String networking(String key) {
    return NETWORKING + "/" + key;
  }
}
