package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Slices a list the way the operation's API pages it: {@code PageNumber}/{@code PageSize} (answering
 * {@code PageNumber}, {@code PageSize}, {@code TotalCount}) or {@code NextToken}/{@code MaxResults} (answering
 * {@code NextToken}, empty on the last page). A page size outside the API's range or a token the emulator did not
 * issue is refused with {@code InvalidParameter} naming the parameter, the operation and the valid range; the
 * request is read ({@link #request}) before the fake is called, so a bad one costs no recorded call.
 */
public final class Pagination {
  private Pagination() {}

  /** One page of items and the paging fields to answer with. */
  public record Page<T>(List<T> items, ObjectNode fields, int number, int size, int total) {
    public Page {
      items = List.copyOf(items);
    }

    /** Copies the paging fields into a response body. */
    public void writeTo(ObjectNode body) {
      body.setAll(fields.deepCopy());
    }
  }

  /**
   * Which page a request asks for.
   *
   * @param number the page number, from 1 (for NextToken paging: the offset's page)
   * @param size the page size
   * @param offset the index of the page's first item
   */
  public record Request(Paging paging, String action, int number, int size, int offset) {
    /** The page of {@code all} this request asks for; an offset past the end gives an empty last page. */
    public <T> Page<T> slice(List<T> all) {
      ObjectNode fields = Call.newBody();
      int from = Math.min(offset, all.size());
      int to = (int) Math.min((long) from + size, all.size());
      if (paging.kind() == Paging.Kind.NEXT_TOKEN) {
        fields.put("NextToken", to < all.size() ? token(action, to) : "");
      } else {
        fields.put("PageNumber", number).put("PageSize", size).put("TotalCount", all.size());
      }
      return new Page<>(all.subList(from, to), fields, number, size, all.size());
    }
  }

  public static <T> Page<T> page(Call call, List<T> items) {
    return request(call).slice(items);
  }

  /**
   * Reads and checks the paging parameters of a call.
   *
   * @throws AlibabaError {@code InvalidParameter} for a size out of range, a page number below 1 or a foreign token
   */
  public static Request request(Call call) {
    Paging paging = call.spec().paging();
    String action = call.spec().action();
    switch (paging.kind()) {
      case PAGE_NUMBER -> {
        int number = integer(call, "PageNumber", 1, 1, Integer.MAX_VALUE);
        int size = integer(call, paging.sizeParameter(), paging.defaultSize(), paging.minimumSize(),
            paging.maximumSize());
        long offset = (long) (number - 1) * size;
        return new Request(paging, action, number, size, (int) Math.min(offset, Integer.MAX_VALUE));
      }
      case NEXT_TOKEN -> {
        int size = integer(call, paging.sizeParameter(), paging.defaultSize(), paging.minimumSize(),
            paging.maximumSize());
        int offset = offset(call.parameter("NextToken"), action);
        return new Request(paging, action, offset / size + 1, size, offset);
      }
      default -> throw new IllegalStateException(action + " does not page; the operation table says so");
    }
  }

  public static String token(String action, int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((action + ":" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String action) {
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
        if (offset >= 0) {
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
