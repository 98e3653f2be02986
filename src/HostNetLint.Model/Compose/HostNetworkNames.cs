using System.Collections.Immutable;

namespace HostNetLint.Model.Compose;

/// <summary>Finds the top-level <c>networks:</c> entries that are the external network called <c>host</c>.</summary>
internal static class HostNetworkNames
{
    public static ImmutableArray<string> Find(ComposeMapping model)
    {
        if (model["networks"] is not ComposeMapping networks)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in networks.Entries)
        {
            if (entry.Value is not ComposeMapping network)
            {
                continue;
            }

            var external = network["external"];
            var isExternal = external is ComposeScalar flag ? IsTrue(flag.Text) : external is ComposeMapping;
            if (!isExternal)
            {
                continue;
            }

            // `name:` wins; the legacy `external: {name: ...}` form comes next; else the key is the name.
            var name = network["name"] is ComposeScalar { IsNull: false } named ? named.Text
                : (external as ComposeMapping)?["name"] is ComposeScalar { IsNull: false } legacy ? legacy.Text
                : entry.Key;
            if (name == "host")
            {
                result.Add(entry.Key);
            }
        }

        return result.ToImmutable();
    }

    private static bool IsTrue(string value) => value is "true" or "True" or "TRUE" or "yes" or "Yes" or "on";
}
