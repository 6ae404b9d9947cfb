package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.json.SourcePositions.Position;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The pointer to (line, column) index the readers keep, for SARIF regions. */
class SourcePositionsTest {
  private static final String DOC = String.join("\n",
      "{",
      "  \"metadata\": {\"name\": \"svc\", \"instance\": 2},",
      "  \"cloud\": {",
      "    \"networking\": {",
      "      \"vswitch_id\": \"vsw-1\"",
      "    }",
      "  },",
      "  \"a/b~c\": [10, {\"x\": 1}]",
      "}");

  @Test
  void membersSitAtTheirKeysAndElementsAtTheirFirstCharacter() {
    SourcePositions at = SourcePositions.parse(DOC, "s.json");
    assertThat(at.find("")).contains(new Position(1, 1));
    assertThat(at.find("/metadata")).contains(new Position(2, 3));
    assertThat(at.find("/metadata/instance")).contains(new Position(2, 31));
    assertThat(at.find("/cloud/networking/vswitch_id")).contains(new Position(5, 7));
    assertThat(at.find("/a~1b~0c/0")).contains(new Position(8, 13));
    assertThat(at.find("/a~1b~0c/1")).contains(new Position(8, 17));
    assertThat(at.find("/a~1b~0c/1/x")).contains(new Position(8, 18));
  }

  @Test
  void aPointerTheFileDoesNotHoldResolvesToItsNearestAncestor() {
    SourcePositions at = SourcePositions.parse(DOC, "s.json");
    assertThat(at.find("/cloud/networking/security_group_id")).contains(new Position(4, 5));
    assertThat(at.find("/nothing/here")).contains(new Position(1, 1));
    assertThat(SourcePositions.none().find("/metadata")).isEmpty();
  }

  @Test
  void serviceDocumentsAndSnapshotsKeepTheIndexOfTheTextTheyWereReadFrom() {
    ServiceDocument doc = ServiceDocument.parse(DOC, "s.json");
    assertThat(doc.positions().find("/cloud/networking/vswitch_id")).contains(new Position(5, 7));
    Snapshot snap = SnapshotJson.read(Path.of("../examples/snapshot.json"));
    assertThat(snap.positions().size()).isGreaterThan(50);
    assertThat(snap.positions().find("/vpcs/0")).isPresent();
  }

  @Test
  void theIndexIsBounded() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < JsonTrees.MAX_POSITIONS + 500; i++) {
      sb.append(i == 0 ? "" : ",").append('\n').append(i);
    }
    String text = sb.append("]").toString();
    SourcePositions at = SourcePositions.parse(text, "big.json");
    assertThat(at.size()).isEqualTo(JsonTrees.MAX_POSITIONS);
    // past the bound, a pointer falls back to the document (which is indexed first)
    assertThat(at.find("/" + (JsonTrees.MAX_POSITIONS + 100))).contains(new Position(1, 1));
  }
}
