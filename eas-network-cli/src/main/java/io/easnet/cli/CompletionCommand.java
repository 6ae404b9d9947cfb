package io.easnet.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Prints a bash (and zsh) completion script for eas-net.",
    footerHeading = "%nExamples:%n",
    footer = {"  source <(eas-net completion)", "  eas-net completion > /etc/bash_completion.d/eas-net"})
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("eas-net", root.spec.commandLine());
    ReportOptions.writeTo(null, script, root.spec.commandLine().getOut());
    return EasNet.EXIT_OK;
  }
}
