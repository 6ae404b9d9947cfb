package io.easnet.aliyun.internal;

/**
 * The check of a credential's characters: access key ids, secrets and security tokens are printable ASCII without
 * spaces (their ids and secrets are alphanumeric, tokens base64), and the id and token travel in HTTP headers, where
 * OkHttp refuses other characters with a message that quotes the whole value. Checked when credentials are built,
 * with a message that names the field and the position of the first bad character, never the value.
 */
public final class HeaderValues {
  private HeaderValues() {}

  /** The 1-based position of the first character that is not printable ASCII (U+0021 to U+007E), or 0. */
  public static int firstBadIndex(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Fails when {@code value} holds a character other than printable ASCII.
   *
   * @param name how the message names the value ({@code ALIBABA_CLOUD_SECURITY_TOKEN}, {@code securityToken})
   * @throws IllegalArgumentException naming {@code name}, the position and the character's code point, not the value
   */
  public static void check(String value, String name) {
    int at = firstBadIndex(value);
    if (at > 0) {
      int cp = value.codePointAt(at - 1);
      throw new IllegalArgumentException(name + " has a character that is not printable ASCII at position " + at
          + " of " + value.length() + " (" + describe(cp) + "; a copy-paste slip?). Credentials are printable "
          + "ASCII without spaces; the value is withheld from this message");
    }
  }

  private static String describe(int cp) {
    String code = String.format("U+%04X", cp);
    return switch (cp) {
      case 0x20 -> code + ", a space";
      case 0x09 -> code + ", a tab";
      case 0x0a, 0x0d -> code + ", a line break";
      case 0xa0 -> code + ", a non-breaking space";
      case 0x200b -> code + ", a zero-width space";
      case 0xfeff -> code + ", a byte order mark";
      default -> code;
    };
  }
}
