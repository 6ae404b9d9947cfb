package io.easnet.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The integer {@code -0} as written: a whole number whose value is 0, and whose writing reproduces {@code -0}. */
final class NegativeZeroNode extends NumericNode {
  private static final long serialVersionUID = 1L;

  static final NegativeZeroNode INSTANCE = new NegativeZeroNode();

  private NegativeZeroNode() {}

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_NUMBER_INT;
  }

  @Override
  public JsonParser.NumberType numberType() {
    return JsonParser.NumberType.INT;
  }

  @Override
  public boolean isIntegralNumber() {
    return true;
  }

  @Override
  public boolean isInt() {
    return true;
  }

  @Override
  public boolean canConvertToInt() {
    return true;
  }

  @Override
  public boolean canConvertToLong() {
    return true;
  }

  @Override
  public Number numberValue() {
    return 0;
  }

  @Override
  public int intValue() {
    return 0;
  }

  @Override
  public long longValue() {
    return 0;
  }

  @Override
  public double doubleValue() {
    return -0.0;
  }

  @Override
  public BigDecimal decimalValue() {
    return BigDecimal.ZERO;
  }

  @Override
  public BigInteger bigIntegerValue() {
    return BigInteger.ZERO;
  }

  @Override
  public String asText() {
    return "-0";
  }

  @Override
  public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeNumber("-0");
  }

  @Override
  public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    g.writeNumber("-0");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NegativeZeroNode;
  }

  @Override
  public int hashCode() {
    return -1;
  }
}
