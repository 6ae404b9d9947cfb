package io.easnet.testkit.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Slices a list the way the operation's API pages it: {@code PageNumber}/{@code PageSize} (answering
 * {@code PageNumber}, {@code PageSize}, {@code TotalCount}) or {@code NextToken}/{@code MaxResults} (answering
 * {@code NextToken}, empty on the last page). A page size outside the API's range or a token the emulator did not
 * issue is refused with {@code InvalidParameter} naming the parameter, the operation and the valid range.
 */
final class Pagination {
  private Pagination() {}

  /** One page of items and the paging fields to answer with. */
  record Page<T>(List<T> items, ObjectNode fields) {
    Page {
      items = List.copyOf(items);
    }

    /** Copies the paging fields into a response body. */
    void writeTo(ObjectNode body) {
      body.setAll(fields.deepCopy());
    }
  }

  static <T> Page<T> page(Call call, List<T> items) {
    Paging paging = call.spec().paging();
    String action = call.spec().action();
    ObjectNode fields = Call.newBody();
    switch (paging.kind()) {
      case PAGE_NUMBER -> {
        int number = integer(call, "PageNumber", 1, 1, Integer.MAX_VALUE);
        int size = integer(call, "PageSize", paging.defaultSize(), paging.minimumSize(), paging.maximumSize());
        long from = Math.min((long) (number - 1) * size, items.size());
        long to = Math.min(from + size, items.size());
        fields.put("PageNumber", number).put("PageSize", size).put("TotalCount", items.size());
        return new Page<>(items.subList((int) from, (int) to), fields);
      }
      case NEXT_TOKEN -> {
        int size = integer(call, "MaxResults", paging.defaultSize(), paging.minimumSize(), paging.maximumSize());
        int from = offset(call.parameter("NextToken"), action, items.size());
        int to = Math.min(from + size, items.size());
        fields.put("NextToken", to < items.size() ? token(action, to) : "");
        return new Page<>(items.subList(from, to), fields);
      }
      default -> throw new IllegalStateException(action + " does not page; the operation table says so");
    }
  }

  static String token(String action, int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((action + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String action, int total) {
    if (token.isEmpty()) {
      return 0;
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = "";
    }
    String prefix = action + ":";
    if (decoded.startsWith(prefix)) {
      try {
        int offset = Integer.parseInt(decoded.substring(prefix.length()));
        if (offset >= 0 && offset <= total) {
          return offset;
        }
      } catch (NumberFormatException ignored) {
        // falls through to the refusal below
      }
    }
    throw AlibabaError.invalidParameter("The specified parameter \"NextToken\" is not valid: \"" + token
        + "\" is no token " + action + " issued; send the NextToken of the previous page, or none for the first.");
  }

  private static int integer(Call call, String name, int absent, int minimum, int maximum) {
    String text = call.parameter(name);
    if (text.isEmpty()) {
      return absent;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: \"" + text
          + "\" is not an integer.");
    }
    if (value < minimum || value > maximum) {
      throw AlibabaError.invalidParameter("The specified parameter \"" + name + "\" is not valid: " + value
          + " is outside " + minimum + " to " + maximum + " for " + call.spec().action() + ".");
    }
    return value;
  }
}
