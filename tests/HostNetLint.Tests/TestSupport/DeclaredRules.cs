using System.Reflection;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// The rules and descriptors declared in the rules assembly, found by reflection (which the product avoids):
/// what the catalogue must list, and what the generated docs are made from, so that one
/// HOSTNETLINT_UPDATE_DOCS=1 run brings a new rule into the catalogue and the docs at once.
/// </summary>
public static class DeclaredRules
{
    /// <summary>Every concrete <see cref="Rule"/> type with its descriptor, in ID order.</summary>
    public static IReadOnlyList<(Type Type, RuleDescriptor Descriptor)> Rules { get; } =
        [.. typeof(Rule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
            .Select(t => (Type: t, ((Rule)Activator.CreateInstance(t)!).Descriptor))
            .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)];

    /// <summary>Every public static descriptor (a rule's <c>Definition</c>, or one the engine reports itself), in ID order.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
        [.. typeof(Rule).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(RuleDescriptor))
            .Select(f => (RuleDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)];

    public static RuleDescriptor Find(string id) => Descriptors.Single(d => d.Id == id);
}
