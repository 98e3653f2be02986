using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// <c>tool.driver.rules</c>: every catalogue descriptor in catalogue order, fired or not, so a rule's
/// <c>ruleIndex</c> is the same in every log. A descriptor outside the catalogue is appended.
/// </summary>
internal sealed class RuleTable
{
    private readonly Dictionary<string, int> indices = new(StringComparer.Ordinal);

    public RuleTable()
    {
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            IndexOf(descriptor);
        }
    }

    public List<RuleDescriptor> Descriptors { get; } = [];

    public int IndexOf(RuleDescriptor descriptor)
    {
        if (!indices.TryGetValue(descriptor.Id, out var index))
        {
            index = Descriptors.Count;
            Descriptors.Add(descriptor);
            indices.Add(descriptor.Id, index);
        }

        return index;
    }
}
