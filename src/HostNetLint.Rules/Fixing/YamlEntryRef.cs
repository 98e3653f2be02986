using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Rules.Fixing;

/// <summary>A mapping entry found in a syntax tree, with the mapping that holds it and its index there.</summary>
public sealed record YamlEntryRef(YamlMapping Mapping, int Index)
{
    public YamlMappingEntry Entry => Mapping.Entries[Index];
}
