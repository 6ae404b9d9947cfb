package io.easnet.cli;

import io.easnet.testkit.emulator.EmulatorLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = "Runs the standalone Alibaba Cloud emulator (ECS, VPC, RDS, R-KVStore, EAS) until stopped;"
        + " every option is the emulator launcher's: --port N, --access-key-id ID, --access-key-secret-file FILE"
        + " (the secret defaults to ALIBABA_CLOUD_ACCESS_KEY_SECRET, never the command line).",
    footerHeading = "%nExamples:%n",
    footer = {"  ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI-test ALIBABA_CLOUD_ACCESS_KEY_SECRET=test-secret \\",
        "      eas-net emulator --port 8080",
        "  eas-net lint --endpoint http://127.0.0.1:8080 --service service.json"})
final class EmulatorCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    EmulatorLauncher.main(args.toArray(String[]::new));
    return EasNet.EXIT_OK;
  }
}
