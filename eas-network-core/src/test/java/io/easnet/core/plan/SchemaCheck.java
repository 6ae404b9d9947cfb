package io.easnet.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** A JSON Schema from the jar, loaded once, and a validator over it. */
public final class SchemaCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonSchema schema;

  private SchemaCheck(JsonSchema schema) {
    this.schema = schema;
  }

  public static SchemaCheck load(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      assertThat(in).as("schema on the classpath at %s", resource).isNotNull();
      return new SchemaCheck(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Set<ValidationMessage> errors(String json) {
    try {
      return schema.validate(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
