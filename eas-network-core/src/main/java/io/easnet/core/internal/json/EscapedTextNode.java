package io.easnet.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;

/**
 * A JSON string read with escapes ({@code "caf\u00e9"}, {@code "a\/b"}, surrogate-pair escapes): a string node whose
 * value is the decoded text, and whose writing reproduces the literal exactly as the user wrote it. Two such nodes
 * are equal when their values are; it is also equal to a plain string node of the same value (that node, a Jackson
 * {@code TextNode}, does not return the favour).
 */
final class EscapedTextNode extends ValueNode {
  private static final long serialVersionUID = 1L;

  private final String value;
  private final String literal;

  /** {@code literal} is the string token as written, quotes included. */
  EscapedTextNode(String value, String literal) {
    this.value = value;
    this.literal = literal;
  }

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_STRING;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.STRING;
  }

  @Override
  public String textValue() {
    return value;
  }

  @Override
  public String asText() {
    return value;
  }

  @Override
  public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeRawValue(literal);
  }

  @Override
  public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    g.writeRawValue(literal);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueNode n && n.isTextual() && value.equals(n.textValue());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
