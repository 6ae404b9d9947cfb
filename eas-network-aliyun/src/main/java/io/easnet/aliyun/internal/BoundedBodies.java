package io.easnet.aliyun.internal;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a response body up to a limit: a body that announces more ({@code Content-Length}) fails before a byte is
 * read, one that sends more (an endless chunked answer) fails as soon as the limit is passed, so no answer can
 * exhaust the heap.
 */
final class BoundedBodies {
  /** The limit of a credentials document (STS, ECS metadata, credentials URI): 64 KiB; they are a few hundred bytes. */
  static final long CREDENTIALS_DOCUMENT_BYTES = 64 * 1024;

  private BoundedBodies() {}

  /** A body longer than the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLarge(long limit, String what) {
      super(what + " is larger than " + limit + " bytes");
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  /**
   * The bytes of {@code body}, at most {@code limit}.
   *
   * @param what names the body in the failure ("the answer", "the credentials document")
   * @throws TooLarge when the body is (or announces itself) longer than {@code limit}
   */
  static byte[] read(ResponseBody body, long limit, String what) throws IOException {
    long announced = body.contentLength();
    if (announced > limit) {
      throw new TooLarge(limit, what + " (Content-Length " + announced + ")");
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= limit) {
      if (source.read(buffer, Math.min(8192, limit + 1 - buffer.size())) == -1) {
        return buffer.readByteArray();
      }
    }
    throw new TooLarge(limit, what);
  }

  /** As {@link #read}, as UTF-8 text. */
  static String readUtf8(ResponseBody body, long limit, String what) throws IOException {
    return new String(read(body, limit, what), java.nio.charset.StandardCharsets.UTF_8);
  }
}
