package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.core.EasNetworkException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads every page of a list: {@code PageNumber}/{@code PageSize} (each API's maximum page size) until
 * {@code TotalCount} items are read or a page comes back empty, or {@code NextToken}/{@code MaxResults} until the
 * answer has no token. Maps each item, and says which action, page and item it could not read.
 */
final class Lists {
  /** A guard against a server that never stops paging. */
  private static final int MAX_PAGES = 10_000;

  private Lists() {}

  /** Where the items of one page are: {@code root.container.element}. */
  record Shape(String container, String element) {
    List<JsonNode> items(JsonNode root) {
      return WireJson.items(root, container, element);
    }
  }

  /**
   * Every page of a {@code PageNumber}/{@code PageSize} list.
   *
   * @param request builds the request of a page, given the page number and the page size
   */
  static <T> List<T> numbered(HttpTransport transport, BiFunction<Integer, Integer, ApiRequest> request, int pageSize,
      Shape shape, Function<JsonNode, T> mapper) {
    List<T> out = new ArrayList<>();
    long read = 0;
    for (int page = 1; ; page++) {
      ApiRequest r = request.apply(page, pageSize);
      guard(page, r);
      ApiResponse response = transport.call(r);
      JsonNode root = response.json();
      List<JsonNode> items = shape.items(root);
      map(r, response, page, shape, items, mapper, out);
      read += items.size();
      // RDS spells it TotalRecordCount
      Optional<Long> total = WireJson.number(root, "TotalCount").or(() -> WireJson.number(root, "TotalRecordCount"));
      if (items.isEmpty() || total.isPresent() && read >= total.get()
          || total.isEmpty() && items.size() < pageSize) {
        return out;
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
    return tokenedPages(transport, request, (root, r) -> {
      List<T> page = new ArrayList<>();
      map(r.request(), r.response(), r.page(), shape, shape.items(root), mapper, page);
      return page;
    });
  }

  /** One page of a token-paged list, for callers that read more than the items (the first page's header). */
  record Page(ApiRequest request, ApiResponse response, int page) {}

  static <T> List<T> tokenedPages(HttpTransport transport, BiFunction<String, Integer, ApiRequest> request,
      BiFunction<JsonNode, Page, List<T>> pageMapper) {
    List<T> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    for (int page = 1; ; page++) {
      ApiRequest r = request.apply(token, page);
      guard(page, r);
      ApiResponse response = transport.call(r);
      JsonNode root = response.json();
      out.addAll(pageMapper.apply(root, new Page(r, response, page)));
      Optional<String> next = WireJson.text(root, "NextToken");
      if (next.isEmpty()) {
        return out;
      }
      if (!seen.add(next.get())) {
        throw new EasNetworkException(r.qualifiedAction() + " answered page " + page + " with the NextToken \""
            + next.get() + "\" it had given before" + requestId(response)
            + ": the list would never end. This is a fault of the endpoint; retry later.");
      }
      token = next.get();
    }
  }

  private static void guard(int page, ApiRequest r) {
    if (page > MAX_PAGES) {
      throw new EasNetworkException(r.qualifiedAction() + " is still answering pages after " + MAX_PAGES
          + " pages: the list would never end. This is a fault of the endpoint; retry later.");
    }
  }

  /** Maps the items of one page; an item that cannot be read fails naming the action, page, pointer and cause. */
  static <T> void map(ApiRequest r, ApiResponse response, int page, Shape shape, List<JsonNode> items,
      Function<JsonNode, T> mapper, List<T> out) {
    for (int i = 0; i < items.size(); i++) {
      out.add(one(r, response, "/" + shape.container() + "/" + shape.element() + "/" + i
          + (page > 1 ? " of page " + page : ""), items.get(i), mapper));
    }
  }

  /** Maps one node; a failure names the action, the JSON pointer and the request id. */
  static <T> T one(ApiRequest r, ApiResponse response, String pointer, JsonNode node, Function<JsonNode, T> mapper) {
    try {
      return mapper.apply(node);
    } catch (EasNetworkException e) {
      throw e; // a nested call's own failure, already clear
    } catch (RuntimeException e) {
      // IllegalArgumentException from the model's checks, ArithmeticException from a number out of range, …
      throw new EasNetworkException(r.qualifiedAction() + " answered something the adapter cannot read at "
          + pointer + requestId(response) + ": " + e.getMessage()
          + ". The answer does not have the documented shape; report it with the request id.", e);
    }
  }

  static String requestId(ApiResponse response) {
    return response.requestId().map(id -> " [RequestId " + id + "]").orElse("");
  }
}
