using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Input;

/// <summary>
/// HNL0004: a file named by extends, include, env_file, COMPOSE_FILE, an Exec line or an EnvironmentFile= is missing
/// or outside the linted root. A missing env file is reported once, with every workload that reads it as a related place;
/// one kept out of the repository on purpose is HNL0007.
/// </summary>
public sealed class HNL0004ReferencedFileMissing : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0004",
        "Referenced file is missing or outside the linted root",
        "{0}. What it would contribute was not checked.",
        RuleCategory.Input,
        Severity.Warning,
        "A file referenced by extends, include, env_file, COMPOSE_FILE, a unit's Exec line or EnvironmentFile= that does not exist breaks the stack at start-up; one outside the linted root is not read, so what it contributes is not checked.",
        noFixReason: "The intended file cannot be inferred.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context) =>
        ModelProblemReporting.Report(context, Definition, Model.ModelProblemKind.ReferenceMissing, Model.ModelProblemKind.ReferenceOutsideRoot);
}
