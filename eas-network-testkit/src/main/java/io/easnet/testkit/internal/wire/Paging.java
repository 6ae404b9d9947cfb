package io.easnet.testkit.internal.wire;

/**
 * How a list operation pages: {@code PageNumber}/{@code PageSize} or {@code NextToken}/{@code MaxResults}, with the
 * API's default and maximum page size, and the name of the parameter that sets the size.
 */
record Paging(Kind kind, int minimumSize, int defaultSize, int maximumSize, String sizeParameter) {
  enum Kind { NONE, PAGE_NUMBER, NEXT_TOKEN }

  static final Paging NONE = new Paging(Kind.NONE, 0, 0, 0, "");

  Paging {
    if (kind != Kind.NONE && !(1 <= minimumSize && minimumSize <= defaultSize && defaultSize <= maximumSize)) {
      throw new IllegalArgumentException("need 1 <= minimum <= default <= maximum page size, was "
          + minimumSize + ", " + defaultSize + ", " + maximumSize);
    }
  }

  static Paging pageNumber(int defaultSize, int maximumSize) {
    return new Paging(Kind.PAGE_NUMBER, 1, defaultSize, maximumSize, "PageSize");
  }

  static Paging pageNumber(int minimumSize, int defaultSize, int maximumSize) {
    return new Paging(Kind.PAGE_NUMBER, minimumSize, defaultSize, maximumSize, "PageSize");
  }

  static Paging nextToken(int minimumSize, int defaultSize, int maximumSize) {
    return nextToken(minimumSize, defaultSize, maximumSize, "MaxResults");
  }

  /** NextToken paging whose size parameter is not {@code MaxResults} ({@code DescribeRouteEntryList}: MaxResult). */
  static Paging nextToken(int minimumSize, int defaultSize, int maximumSize, String sizeParameter) {
    return new Paging(Kind.NEXT_TOKEN, minimumSize, defaultSize, maximumSize, sizeParameter);
  }
}
