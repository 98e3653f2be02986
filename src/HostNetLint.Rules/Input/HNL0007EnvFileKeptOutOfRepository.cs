using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>
/// HNL0007: an env file a workload reads is not in the repository on purpose: <c>.gitignore</c> excludes it (secrets),
/// or a unit names it by an install path that matches no file in the root (it is provisioned on the host). A note, not
/// HNL0004's warning, because nothing is broken in the repository; what the file sets is still unknown to the linter.
/// </summary>
public sealed class HNL0007EnvFileKeptOutOfRepository : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0007",
        "Env file is kept out of the repository",
        "{0}. What it sets was not checked.",
        RuleCategory.Input,
        Severity.Note,
        "An env file that .gitignore excludes, or that a unit reads from a host path the repository does not contain, is usually created at deploy time (secrets, host-specific settings). It cannot be checked, so a libvirt URI kept in it is not seen; the note says so without failing the build.",
        noFixReason: "The file is kept out of the repository on purpose.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context) =>
        ModelProblemReporting.Report(context, Definition, ModelProblemKind.ReferenceKeptOutOfRepository);
}
