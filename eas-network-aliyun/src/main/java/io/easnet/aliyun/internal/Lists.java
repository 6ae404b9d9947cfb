package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.CloudIoException;
import io.easnet.core.EasNetworkException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads every page of a list: {@code PageNumber}/{@code PageSize} (each API's maximum page size) until
 * {@code TotalCount} items are read, or {@code NextToken}/{@code MaxResults} until the answer has no token. Maps
 * each item, and says which action, page and item it could not read.
 *
 * <p>An answer is believed only when it is consistent; otherwise the list fails at once with a
 * {@link CloudIoException} naming the action, the page and the request id (never a shorter or padded list):
 *
 * <ul>
 *   <li>every page must be a JSON object holding its list container ({@code {"Vpcs":{"Vpc":[]}}}: an empty list is
 *       an empty array, as the APIs answer it); {@code {}}, {@code null}, {@code []}, {@code {"Vpcs":{}}} are errors
 *       (an empty container object is accepted only beside a {@code TotalCount} of 0);
 *   <li>a numbered list must carry {@code TotalCount} ({@code TotalRecordCount} in RDS), a whole number from 0 to
 *       {@link #MAX_ITEMS}; it must not change between pages; a page may not come back empty or repeat an item
 *       before the total is read, nor carry more items than the page size;
 *   <li>a token list may not repeat a token, an item or a whole page, nor answer an empty page with a further token;
 *   <li>no list reads more than {@link #MAX_PAGES} pages or {@link #MAX_ITEMS} items (a numbered list stops at the
 *       pages its first {@code TotalCount} allows at the first page's length: {@code ceil(TotalCount / length)}).
 * </ul>
 */
final class Lists {
  /** The most items the adapter reads from one list (no documented quota of the APIs read comes near it). */
  static final int MAX_ITEMS = 100_000;
  /** The most pages the adapter requests for one list (with the smallest page size used, 50: 100,000 items). */
  static final int MAX_PAGES = 2_000;

  /** The field that identifies an item, by list element: a repeated id is a repeated item. */
  private static final Map<String, String> ID_FIELDS = Map.ofEntries(Map.entry("Vpc", "VpcId"),
      Map.entry("VSwitch", "VSwitchId"), Map.entry("NatGateway", "NatGatewayId"),
      Map.entry("SnatTableEntry", "SnatEntryId"), Map.entry("EipAddress", "AllocationId"),
      Map.entry("RouterTableListType", "RouteTableId"), Map.entry("RouteEntry", "RouteEntryId"),
      Map.entry("SecurityGroup", "SecurityGroupId"), Map.entry("Instance", "InstanceId"),
      Map.entry("DBInstance", "DBInstanceId"), Map.entry("KVStoreInstance", "InstanceId"),
      Map.entry("Permission", "SecurityGroupRuleId"), Map.entry("Resource", "ResourceId"),
      Map.entry("Service", "ServiceName"));

  private Lists() {}

  /** Where the items of one page are: {@code root.container.element}. */
  record Shape(String container, String element) {
    /**
     * The items of a page; a page without its list container fails with {@link WrongShape} (the callers in this
     * class name the action; others use {@link #items(ApiResponse)}).
     */
    List<JsonNode> items(JsonNode root) {
      String problem = problem(root);
      if (problem != null) {
        throw new WrongShape(problem);
      }
      return WireJson.items(root, container, element);
    }

    /** The items of a one-page answer; a wrong shape fails naming the action and the request id. */
    List<JsonNode> items(ApiResponse response) {
      JsonNode root = response.json();
      String problem = problem(root);
      if (problem != null) {
        throw response.malformed(problem, null);
      }
      return WireJson.items(root, container, element);
    }

    private String problem(JsonNode root) {
      // the messages are built only for a wrong answer: this runs on every page
      if (root == null || !root.isObject()) {
        return "answered " + kind(root) + " where a JSON object with the list " + container + "." + element
            + " belongs";
      }
      JsonNode c = root.get(container);
      if (c == null || c.isNull()) {
        return "answered without the list " + container + "." + element + " (an empty list is " + container
            + ": {" + element + ": []})";
      }
      if (c.isArray()) {
        return null;
      }
      if (!c.isObject()) {
        return "answered " + container + " as " + kind(c) + " where the list " + container + "." + element
            + " belongs";
      }
      JsonNode e = c.get(element);
      if (e == null && c.isEmpty() && declaresNoItems(root)) {
        return null; // {"Vpcs":{},"TotalCount":0}: the paging fields confirm the empty list
      }
      if (e == null || !(e.isArray() || e.isObject())) {
        return "answered " + container + " without its list " + element + " (" + (e == null ? "absent" : kind(e))
            + "; an empty list is " + container + ": {" + element + ": []})";
      }
      return null;
    }
  }

  private static boolean declaresNoItems(JsonNode root) {
    JsonNode total = root.has("TotalCount") ? root.get("TotalCount") : root.get("TotalRecordCount");
    return total != null && (total.isIntegralNumber() || total.isTextual()) && "0".equals(total.asText());
  }

  /** A page that is not the documented shape; rewrapped with the action and request id. */
  static final class WrongShape extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongShape(String problem) {
      super(problem, null, false, false);
    }
  }

  /**
   * Every page of a {@code PageNumber}/{@code PageSize} list.
   *
   * @param request builds the request of a page, given the page number and the page size
   */
  static <T> List<T> numbered(HttpTransport transport, BiFunction<Integer, Integer, ApiRequest> request, int pageSize,
      Shape shape, Function<JsonNode, T> mapper) {
    return numbered(transport, request, pageSize, shape, mapper, false);
  }

  /**
   * As above; with {@code together}, the items of each page are mapped together ({@link HttpTransport#all}): for a
   * mapper that sends requests of its own (a route table's entries), in the order and with the failure of mapping
   * them one after the other.
   */
  static <T> List<T> numbered(HttpTransport transport, BiFunction<Integer, Integer, ApiRequest> request, int pageSize,
      Shape shape, Function<JsonNode, T> mapper, boolean together) {
    List<T> out = new ArrayList<>();
    Seen seen = new Seen();
    long read = 0;
    long total = -1;
    long lastPage = MAX_PAGES;
    for (int page = 1; ; page++) {
      ApiRequest r = request.apply(page, pageSize);
      ApiResponse response = transport.call(r);
      JsonNode root = response.json();
      List<JsonNode> items = items(shape, root, response, page);
      // RDS spells it TotalRecordCount
      String totalName = root.has("TotalCount") || !root.has("TotalRecordCount") ? "TotalCount" : "TotalRecordCount";
      long pageTotal = total(root, totalName, response, page);
      if (total < 0) {
        total = pageTotal;
        // the first page's length is the server's page size (it may cap the one asked for)
        long size = items.isEmpty() ? pageSize : Math.min(items.size(), pageSize);
        lastPage = Math.max(1, (total + size - 1) / size);
        if (lastPage > MAX_PAGES) {
          throw response.malformed("answered " + totalName + " " + total + ", which would take " + lastPage
              + " pages of " + size + "; the adapter reads at most " + MAX_PAGES + " pages of one list", null);
        }
      } else if (pageTotal != total) {
        throw response.malformed("answered " + totalName + " " + pageTotal + " on page " + page + " after " + total
            + " on page 1: the list changed while it was read (or the endpoint pages wrongly)", null);
      }
      if (items.size() > pageSize) {
        throw response.malformed("answered " + items.size() + " items on page " + page + " where PageSize "
            + pageSize + " allows at most " + pageSize, null);
      }
      if (items.isEmpty() && read < total) {
        throw response.malformed("answered an empty page " + page + " after " + read + " of the " + total
            + " items its " + totalName + " announced", null);
      }
      seen.check(shape, items, response, page);
      if (together) {
        mapTogether(transport, r, response, page, shape, items, mapper, out);
      } else {
        map(r, response, page, shape, items, mapper, out);
      }
      read += items.size();
      if (read >= total) {
        if (read > total) {
          throw response.malformed("answered " + read + " items in " + page + " pages where its " + totalName
              + " announced " + total, null);
        }
        return out;
      }
      if (page >= lastPage) {
        throw response.malformed("answered only " + read + " of the " + total + " items its " + totalName
            + " announced in the " + lastPage + " pages that total allows at the first page's length", null);
      }
    }
  }

  /**
   * Every page of a {@code NextToken}/{@code MaxResults} list.
   *
   * @param request builds the request of a page, given the token of the page (null for the first)
   */
  static <T> List<T> tokened(HttpTransport transport, BiFunction<String, Integer, ApiRequest> request, Shape shape,
      Function<JsonNode, T> mapper) {
    return tokened(transport, request, shape, mapper, MAX_PAGES);
  }

  /** As above, with a page cap of its own (tests). */
  static <T> List<T> tokened(HttpTransport transport, BiFunction<String, Integer, ApiRequest> request, Shape shape,
      Function<JsonNode, T> mapper, int maxPages) {
    Seen seen = new Seen();
    return tokenedPages(transport, request, maxPages, (root, r) -> {
      List<JsonNode> items = shape.items(root);
      seen.check(shape, items, r.response(), r.page());
      List<T> page = new ArrayList<>();
      map(r.request(), r.response(), r.page(), shape, items, mapper, page);
      return page;
    });
  }

  /** One page of a token-paged list, for callers that read more than the items (the first page's header). */
  record Page(ApiRequest request, ApiResponse response, int page) {}

  static <T> List<T> tokenedPages(HttpTransport transport, BiFunction<String, Integer, ApiRequest> request,
      BiFunction<JsonNode, Page, List<T>> pageMapper) {
    return tokenedPages(transport, request, MAX_PAGES, pageMapper);
  }

  private static <T> List<T> tokenedPages(HttpTransport transport, BiFunction<String, Integer, ApiRequest> request,
      int maxPages, BiFunction<JsonNode, Page, List<T>> pageMapper) {
    List<T> out = new ArrayList<>();
    Set<String> tokens = new HashSet<>();
    Map<String, Integer> pages = new HashMap<>(); // page digests: bounded memory however large the pages
    String token = null;
    for (int page = 1; ; page++) {
      ApiRequest r = request.apply(token, page);
      ApiResponse response = transport.call(r);
      JsonNode root = response.json();
      if (!root.isObject()) {
        throw response.malformed("answered page " + page + " as " + kind(root) + " where a JSON object belongs",
            null);
      }
      Integer same = pages.put(digest(fingerprint(root).toString()), page);
      if (same != null) {
        throw response.malformed("answered page " + page + " with the very items of page " + same
            + ": the list would never end", null);
      }
      List<T> items;
      try {
        items = pageMapper.apply(root, new Page(r, response, page));
      } catch (WrongShape e) {
        throw response.malformed(e.getMessage() + (page > 1 ? " on page " + page : ""), null);
      }
      out.addAll(items);
      if (out.size() > MAX_ITEMS) {
        throw response.malformed("answered more than " + MAX_ITEMS + " items in " + page + " pages; the adapter "
            + "reads at most " + MAX_ITEMS + " items of one list", null);
      }
      Optional<String> next = WireJson.text(root, "NextToken");
      if (next.isEmpty()) {
        return out;
      }
      if (items.isEmpty()) {
        throw response.malformed("answered an empty page " + page + " with a further NextToken: the list would "
            + "never end", null);
      }
      if (!tokens.add(next.get())) {
        throw response.malformed("answered page " + page + " with a NextToken it had given before: the list "
            + "would never end", null);
      }
      if (page >= maxPages) {
        throw response.malformed("is still answering a NextToken after " + maxPages + " pages; the adapter reads "
            + "at most " + maxPages + " pages of one list", null);
      }
      token = next.get();
    }
  }

  /** The page without what differs between two answers of the same page (request id, tokens, page number). */
  private static JsonNode fingerprint(JsonNode root) {
    ObjectNode copy = ((ObjectNode) root).deepCopy();
    copy.remove(List.of("RequestId", "requestId", "NextToken", "PageNumber"));
    return copy;
  }

  /** A SHA-256 of the text: what the repeat checks keep of a page or an item without an id. */
  private static String digest(String text) {
    return Hashing.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static List<JsonNode> items(Shape shape, JsonNode root, ApiResponse response, int page) {
    try {
      return shape.items(root);
    } catch (WrongShape e) {
      throw response.malformed(e.getMessage() + (page > 1 ? " on page " + page : ""), null);
    }
  }

  private static long total(JsonNode root, String name, ApiResponse response, int page) {
    JsonNode t = root.get(name);
    String on = page > 1 ? " on page " + page : "";
    if (t == null || t.isNull()) {
      throw response.malformed("answered without " + name + on + ", which a paged list always carries", null);
    }
    long value;
    if (t.canConvertToExactIntegral() && t.canConvertToLong()) {
      value = t.asLong();
    } else if (t.isTextual() && t.asText().matches("\\d{1,18}")) {
      value = Long.parseLong(t.asText());
    } else {
      throw response.malformed("answered " + name + " " + ErrorResponses.truncate(t.toString(), 40) + on
          + ", which is not a whole number", null);
    }
    if (value < 0 || value > MAX_ITEMS) {
      throw response.malformed("answered " + name + " " + value + on + "; a list holds 0 to " + MAX_ITEMS
          + " items (the most the adapter reads of one list)", null);
    }
    return value;
  }

  /** The items of a list seen so far, by id (or by content for items without one). */
  private static final class Seen {
    private final Map<String, Integer> pageOf = new HashMap<>();

    void check(Shape shape, List<JsonNode> items, ApiResponse response, int page) {
      String idField = ID_FIELDS.get(shape.element());
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        JsonNode id = idField == null ? null : item.get(idField);
        boolean byId = id != null && id.isValueNode() && !id.asText().isEmpty();
        Integer before = pageOf.putIfAbsent(byId ? idField + "=" + ErrorResponses.truncate(id.asText(), 200)
            : digest(item.toString()), page);
        if (before != null) {
          throw response.malformed("answered " + (byId ? idField + " " + ErrorResponses.truncate(id.asText(), 80)
              : "the same item") + " again at /" + shape.container() + "/" + shape.element() + "/" + i + " of page "
              + page + (before == page ? "" : " (first on page " + before + ")")
              + ": the endpoint repeats items (does it ignore the paging parameters?)", null);
        }
      }
    }
  }

  private static String kind(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "null";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isObject()) {
      return "an object";
    }
    return n.isTextual() ? "a string" : n.isNumber() ? "a number" : "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Maps the items of one page; an item that cannot be read fails naming the action, page, pointer and cause. */
  static <T> void map(ApiRequest r, ApiResponse response, int page, Shape shape, List<JsonNode> items,
      Function<JsonNode, T> mapper, List<T> out) {
    for (int i = 0; i < items.size(); i++) {
      int at = i;
      // the pointer is built only for a failure: this runs for every item of every list
      out.add(one(r, response, () -> pointer(shape, at, page), items.get(i), mapper));
    }
  }

  private static String pointer(Shape shape, int index, int page) {
    return "/" + shape.container() + "/" + shape.element() + "/" + index + (page > 1 ? " of page " + page : "");
  }

  /** As {@link #map}, the items mapped together: for mappers that send requests of their own. */
  private static <T> void mapTogether(HttpTransport transport, ApiRequest r, ApiResponse response, int page,
      Shape shape, List<JsonNode> items, Function<JsonNode, T> mapper, List<T> out) {
    List<Supplier<T>> each = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      int at = i;
      each.add(() -> one(r, response, () -> pointer(shape, at, page), item, mapper));
    }
    out.addAll(transport.all(r.qualifiedAction(), each));
  }

  /** Maps one node; a failure names the action, the JSON pointer and the request id. */
  static <T> T one(ApiRequest r, ApiResponse response, String pointer, JsonNode node, Function<JsonNode, T> mapper) {
    return one(r, response, () -> pointer, node, mapper);
  }

  /** As above, the pointer built only when it is needed. */
  static <T> T one(ApiRequest r, ApiResponse response, Supplier<String> pointer, JsonNode node,
      Function<JsonNode, T> mapper) {
    try {
      return mapper.apply(node);
    } catch (EasNetworkException e) {
      throw e; // a nested call's own failure, already clear
    } catch (WrongShape e) {
      throw response.malformed(e.getMessage(), null);
    } catch (RuntimeException e) {
      // IllegalArgumentException from the model's checks, ArithmeticException from a number out of range, …
      throw response.malformed("answered something the adapter cannot read at " + pointer.get() + ": "
          + ErrorResponses.truncate(String.valueOf(e.getMessage()), ErrorResponses.MAX_MESSAGE_CHARS), e);
    }
  }

  static String requestId(ApiResponse response) {
    return response.requestId().map(id -> " [RequestId " + id + "]").orElse("");
  }
}
