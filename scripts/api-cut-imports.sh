#!/usr/bin/env bash
# Re-applies the public-API cut of issue 16 to whatever tree it runs in (idempotent: run it again after merging a
# branch that still uses the old names). For every moved type OLD -> NEW below it
#   1. rewrites the fully qualified name (imports, static imports, javadoc, docs, README snippets, string literals)
#      in every tracked file except the generated .api snapshots, CHANGELOG.md (history) and this script;
#   2. adds `import NEW;` to Java files of OLD's package that use the simple name without a qualifier, because they
#      no longer see the type through their package (the owner's own file is skipped).
# Simple names never change, so code that reads `VpcId` keeps reading `VpcId`.
# Usage: scripts/api-cut-imports.sh            (from anywhere inside the repository)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

MOVES='
# model ids -> ResourceId
io.easnet.core.model.EcsInstanceId      io.easnet.core.model.ResourceId.EcsInstanceId
io.easnet.core.model.EipAllocationId    io.easnet.core.model.ResourceId.EipAllocationId
io.easnet.core.model.NatGatewayId       io.easnet.core.model.ResourceId.NatGatewayId
io.easnet.core.model.PrefixListId       io.easnet.core.model.ResourceId.PrefixListId
io.easnet.core.model.RdsInstanceId      io.easnet.core.model.ResourceId.RdsInstanceId
io.easnet.core.model.RedisInstanceId    io.easnet.core.model.ResourceId.RedisInstanceId
io.easnet.core.model.ResourceGroupId    io.easnet.core.model.ResourceId.ResourceGroupId
io.easnet.core.model.RouteTableId       io.easnet.core.model.ResourceId.RouteTableId
io.easnet.core.model.SecurityGroupId    io.easnet.core.model.ResourceId.SecurityGroupId
io.easnet.core.model.SnatEntryId        io.easnet.core.model.ResourceId.SnatEntryId
io.easnet.core.model.SnatTableId        io.easnet.core.model.ResourceId.SnatTableId
io.easnet.core.model.VSwitchId          io.easnet.core.model.ResourceId.VSwitchId
io.easnet.core.model.VpcId              io.easnet.core.model.ResourceId.VpcId
# small model enums -> their owner
io.easnet.core.model.Direction          io.easnet.core.model.SecurityGroupRule.Direction
io.easnet.core.model.Policy             io.easnet.core.model.SecurityGroupRule.Policy
io.easnet.core.model.RulePeer           io.easnet.core.model.SecurityGroupRule.RulePeer
io.easnet.core.model.NatNetworkType     io.easnet.core.model.NatGateway.NatNetworkType
io.easnet.core.model.SecurityGroupType  io.easnet.core.model.SecurityGroup.SecurityGroupType
# spi requests and replies -> the API interface that takes or returns them
io.easnet.core.spi.AllocateEipRequest        io.easnet.core.spi.VpcApi.AllocateEipRequest
io.easnet.core.spi.CreateNatGatewayRequest   io.easnet.core.spi.VpcApi.CreateNatGatewayRequest
io.easnet.core.spi.CreateRouteEntryRequest   io.easnet.core.spi.VpcApi.CreateRouteEntryRequest
io.easnet.core.spi.DeleteRouteEntryRequest   io.easnet.core.spi.VpcApi.DeleteRouteEntryRequest
io.easnet.core.spi.DeleteSnatEntryRequest    io.easnet.core.spi.VpcApi.DeleteSnatEntryRequest
io.easnet.core.spi.EipAssociationRequest     io.easnet.core.spi.VpcApi.EipAssociationRequest
io.easnet.core.spi.SnatEntryRequest          io.easnet.core.spi.VpcApi.SnatEntryRequest
io.easnet.core.spi.SecurityGroupRuleRequest  io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest
io.easnet.core.spi.SecurityGroupSummary      io.easnet.core.spi.EcsApi.SecurityGroupSummary
io.easnet.core.spi.DLinkStatus               io.easnet.core.spi.EasApi.DLinkStatus
io.easnet.core.spi.ServiceStatus             io.easnet.core.spi.EasApi.ServiceStatus
io.easnet.core.spi.UpdateType                io.easnet.core.spi.EasApi.UpdateType
io.easnet.core.spi.RequestEvent              io.easnet.core.spi.RequestListener.RequestEvent
# parts of one owner -> nested in it
io.easnet.core.model.Container               io.easnet.core.model.ServiceSpec.Container
io.easnet.core.model.Autoscaler              io.easnet.core.model.ServiceSpec.Autoscaler
io.easnet.core.model.RollingStrategy         io.easnet.core.model.ServiceSpec.RollingStrategy
io.easnet.core.model.StorageMount            io.easnet.core.model.ServiceSpec.StorageMount
io.easnet.core.model.ServiceNetworking       io.easnet.core.model.ServiceSpec.ServiceNetworking
io.easnet.core.model.RouteEntry              io.easnet.core.model.RouteTable.RouteEntry
io.easnet.core.model.AllowlistTarget         io.easnet.core.model.AllowlistGroup.AllowlistTarget
io.easnet.core.resolve.Provenance            io.easnet.core.resolve.EffectiveNetwork.Provenance
io.easnet.core.report.TextReportOptions      io.easnet.core.report.Report.TextReportOptions
io.easnet.core.report.ReportFormat           io.easnet.core.report.Report.ReportFormat
io.easnet.core.load.Question                 io.easnet.core.load.InventoryLoader.Question
io.easnet.core.json.SourceNames              io.easnet.core.internal.SourceNames
# analysis results and their parts -> nested in the result a user reads
io.easnet.core.analysis.AssumptionKey          io.easnet.core.analysis.Assumption.AssumptionKey
io.easnet.core.analysis.HopStatus              io.easnet.core.analysis.PathResult.Hop.HopStatus
io.easnet.core.analysis.VSwitchCapacity        io.easnet.core.analysis.CapacityReport.VSwitchCapacity
io.easnet.core.analysis.DecidingRule           io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule
io.easnet.core.analysis.SecurityGroupDecision  io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision
io.easnet.core.analysis.ExplanationCode        io.easnet.core.analysis.Explanation.ExplanationCode
io.easnet.core.analysis.PathKind               io.easnet.core.analysis.PathResult.PathKind
io.easnet.core.analysis.Verdict                io.easnet.core.analysis.PathResult.Verdict
io.easnet.core.analysis.VSwitchPath            io.easnet.core.analysis.PathResult.VSwitchPath
io.easnet.core.analysis.InternetTarget         io.easnet.core.analysis.Target.InternetTarget
io.easnet.core.analysis.ResolvedService        io.easnet.core.analysis.EstateAnalysis.ResolvedService
# rules: severity and suppressions
io.easnet.core.rules.Severity                  io.easnet.core.rules.Finding.Severity
io.easnet.core.rules.Suppression               io.easnet.core.rules.Suppressions.Suppression
io.easnet.core.rules.SuppressedFinding         io.easnet.core.rules.Suppressions.SuppressedFinding
# plan results and options -> the engine that returns or takes them (the change kinds are left to their own cut)
io.easnet.core.plan.PlanResult                 io.easnet.core.plan.Planner.PlanResult
io.easnet.core.plan.PlanOptions                io.easnet.core.plan.Planner.PlanOptions
io.easnet.core.plan.ApplyResult                io.easnet.core.plan.Applier.ApplyResult
io.easnet.core.plan.ChangeResult               io.easnet.core.plan.Applier.ChangeResult
# spi: the idempotency token belongs to the port
io.easnet.core.spi.ClientToken                 io.easnet.core.spi.CloudPort.ClientToken
# second cut (after the change tier): helpers of a change, result parts, inputs, model parts -> their owner
io.easnet.core.change.Refs                     io.easnet.core.change.Change.Refs
io.easnet.core.change.Params                   io.easnet.core.change.Change.Params
io.easnet.core.change.ChangeKind               io.easnet.core.change.Change.ChangeKind
io.easnet.core.plan.ChangeKind                 io.easnet.core.change.Change.ChangeKind
io.easnet.core.analysis.Component              io.easnet.core.analysis.Explanation.Component
io.easnet.core.analysis.Missing                io.easnet.core.analysis.Explanation.Missing
io.easnet.core.analysis.ServiceDemand          io.easnet.core.analysis.CapacityReport.ServiceDemand
io.easnet.core.analysis.AnalysisInput          io.easnet.core.analysis.EstateAnalysis.AnalysisInput
io.easnet.core.model.DLink                     io.easnet.core.model.ResourceGroup.DLink
io.easnet.core.model.SnatEntry                 io.easnet.core.model.NatGateway.SnatEntry
io.easnet.core.analysis.ServiceInput           io.easnet.core.analysis.EstateAnalysis.ServiceInput
io.easnet.core.analysis.Hop                    io.easnet.core.analysis.PathResult.Hop
io.easnet.core.analysis.IntentsFile            io.easnet.core.analysis.Intent.IntentsFile
# no user needs these -> internal
io.easnet.core.load.CallStatistics           io.easnet.core.load.internal.CallStatistics
io.easnet.core.analysis.IntentSyntax         io.easnet.core.analysis.internal.IntentSyntax
'

moves() { printf '%s\n' "$MOVES" | sed -e 's/#.*//' | awk 'NF == 2 { print $1, $2 }'; }

moves | while read -r old new; do
  re="${old//./\\.}"
  # 1. fully qualified names
  files=$(git grep -l -I -E "${re}([^A-Za-z0-9_]|\$)" -- . ':!*.api' ':!scripts/api-cut-imports.sh' ':!CHANGELOG.md' || true)
  if [[ -n "$files" ]]; then
    printf '%s\n' "$files" | xargs perl -pi -e "s/\\Q${old}\\E(?![A-Za-z0-9_])/${new}/g"
  fi
  # 2. same-package users of the simple name
  pkg="${old%.*}"
  simple="${old##*.}"
  owner="${new%.*}"
  owner_file="${owner//.//}.java"
  files=$(git grep -l -I -E "^package ${pkg//./\\.};" -- '*.java' || true)
  [[ -z "$files" ]] && continue
  printf '%s\n' "$files" | while read -r f; do
    [[ -f "$f" ]] || continue
    [[ "$f" == *"/${owner_file}" || "$f" == *"/${old//.//}.java" ]] && continue
    NEW="$new" SIMPLE="$simple" perl -0pi -e '
      my ($new, $simple) = ($ENV{NEW}, $ENV{SIMPLE});
      next if /^import \Q$new\E;/m;
      (my $rest = $_) =~ s/^import [^\n]*\n//mg;
      next unless $rest =~ /(?<![A-Za-z0-9_.])\Q$simple\E(?![A-Za-z0-9_])/;
      s/^(package [^;]+;\n\n)(?=import )/$1import $new;\n/m
        or s/^(package [^;]+;\n)/$1\nimport $new;\n/m;' "$f"
  done
done
exit 0
