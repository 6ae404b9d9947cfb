package io.easnet.testkit;

import java.util.List;

/**
 * One page of a list, as Alibaba's list actions answer ({@code PageNumber}, {@code PageSize}, {@code TotalCount}).
 *
 * @param items the items of this page
 * @param total the items of every page together
 */
record Page<T>(List<T> items, int total) {
  /** Page {@code number} (from 1) of {@code all} in pages of {@code size}. */
  static <T> Page<T> of(List<T> all, int number, int size) {
    int from = Math.min(all.size(), (number - 1) * size);
    int to = Math.min(all.size(), from + size);
    return new Page<>(List.copyOf(all.subList(from, to)), all.size());
  }
}
