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
        + " (the secret defaults to ALIBABA_CLOUD_ACCESS_KEY_SECRET, never the command line); seeded faults:"
        + " --seed N, --throttling RATE [--throttling-retry-after DURATION], --server-errors RATE, --conflicts RATE,"
        + " --latency DURATION, --faults KIND[@ACTION]=VALUE,..., --wire-drop RATE, --wire-cut RATE;"
        + " --max-body-bytes N.",
    footerHeading = "%nExamples:%n",
    footer = {"  ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI-test ALIBABA_CLOUD_ACCESS_KEY_SECRET=test-secret \\",
        "      eas-net emulator --port 8080",
        "  eas-net emulator --port 8080 --seed 7 --throttling 0.2 --server-errors 0.05 --wire-cut 0.05",
        "  eas-net lint --endpoint http://127.0.0.1:8080 --service service.json"})
final class EmulatorCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    EmulatorLauncher.main(args.toArray(String[]::new));
    return EasNet.EXIT_OK;
  }
}
