package io.easnet.core.internal;

/** RFC 6901 JSON pointers: escaping of reference tokens and building pointers from tokens. */
public final class JsonPointers {
  private JsonPointers() {}

  /** Escapes one reference token: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
  public static String escape(String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return token;
    }
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of member {@code key} of the object at {@code parent}. */
  public static String child(String parent, String key) {
    return parent + "/" + escape(key);
  }

  /** The pointer of element {@code index} of the array at {@code parent}. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /**
   * The pointer made of {@code tokens}, each escaped: {@code of("a/b", 0)} is {@code /a~1b/0}; no tokens give
   * {@code ""}, the whole document.
   */
  public static String of(Object... tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      sb.append('/').append(escape(String.valueOf(t)));
    }
    return sb.toString();
  }
}
