using System.Collections.Immutable;
using HostNetLint.Model.Compose;
using HostNetLint.Model.Interpolation;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Workloads;

/// <summary>Turns one effective compose service into a <see cref="Workload"/>, interpolating every value.</summary>
internal static class WorkloadExtractor
{
    /// <summary>
    /// The workload of a service. <paramref name="environment"/> replaces the service's own <c>environment:</c> when
    /// given (its env files applied); <paramref name="activeProfiles"/> decides <see cref="Workload.IsProfileActive"/>.
    /// </summary>
    public static Workload Extract(
        ComposeEntry serviceEntry,
        string projectName,
        ImmutableArray<string> hostNetworks,
        ImmutableArray<EnvironmentVariable>? environment = null,
        ImmutableHashSet<string>? activeProfiles = null,
        ImmutableArray<Location> declarations = default)
    {
        var service = serviceEntry.Value as ComposeMapping;
        var profiles = List(service?["profiles"]);
        var networks = service?.Find("networks");
        var ports = service?.Find("ports");
        return new Workload
        {
            Name = serviceEntry.Key,
            Kind = WorkloadKind.ComposeService,
            Location = serviceEntry.KeyLocation,
            Declarations = declarations,
            GroupName = projectName,
            NetworkMode = Scalar(service?["network_mode"]),
            ContainerName = Text(service?["container_name"]),
            Networks = Networks(networks?.Value, hostNetworks),
            NetworksKey = networks?.KeyLocation,
            PortsKey = ports?.KeyLocation,
            Ports = Ports(ports?.Value),
            Expose = List(service?["expose"]),
            Mounts = Mounts(service?["volumes"]),
            Environment = environment ?? DeclaredEnvironment(service),
            Command = Arguments(service?["command"]),
            Entrypoint = Arguments(service?["entrypoint"]),
            Healthcheck = HealthcheckTest((service?["healthcheck"] as ComposeMapping)?["test"]),
            ExtraHosts = ExtraHosts(service?["extra_hosts"]),
            Labels = Labels(service?["labels"]),
            Image = Scalar(service?["image"]),
            Profiles = profiles,
            IsProfileActive = IsActive(profiles, activeProfiles ?? []),
        };
    }

    /// <summary>The variables a service's own <c>environment:</c> sets (list or mapping form), in order.</summary>
    public static ImmutableArray<EnvironmentVariable> DeclaredEnvironment(ComposeMapping? service)
    {
        var result = ImmutableArray.CreateBuilder<EnvironmentVariable>();
        foreach (var (name, value, entry) in KeyedItems(service?["environment"], '='))
        {
            result.Add(new EnvironmentVariable(name, value, entry));
        }

        return result.ToImmutable();
    }

    /// <summary>compose-go's <c>HasProfile</c>: no profiles means always; <c>*</c> activates every profile.</summary>
    private static bool IsActive(ImmutableArray<ModelValue> profiles, ImmutableHashSet<string> active) =>
        profiles.IsEmpty || active.Contains("*") || profiles.Any(p => active.Contains(p.Text));

    private static Location SiteFor(ComposeNode node, Location location) => node.Site == node.Location ? location : node.Site;

    private static Location EntryLocation(ComposeEntry entry)
    {
        var key = entry.KeyLocation;
        var value = entry.Value.Location;
        return value.Source == key.Source && value.Span.End > key.Span.End
            ? new Location(key.Source, TextSpan.FromBounds(key.Span.Start, value.Span.End))
            : key;
    }

    private static ImmutableArray<ComposeNode> Items(ComposeNode? node) => node switch
    {
        ComposeSequence sequence => sequence.Items,
        ComposeScalar { IsNull: true } or null => [],
        _ => [node],
    };

    private static ModelValue? Scalar(ComposeNode? node) => node is ComposeScalar { IsNull: false } scalar ? Value(scalar) : null;

    private static ModelValue Value(ComposeScalar scalar) => new(scalar.Text, scalar.Value, scalar.Location, scalar.Site);

    /// <summary>The value of <c>scalar.Value[start..end]</c>, located exactly when the scalar is written verbatim.</summary>
    private static ModelValue Part(ComposeScalar scalar, int start, int end, string raw)
    {
        var location = scalar.LocationOf(start, end);
        return new ModelValue(scalar.Interpolator.Interpolate(raw), raw, location, SiteFor(scalar, location));
    }

    /// <summary>A mapping entry (<c>KEY: value</c>) as one value, written <c>KEY=value</c> like the list form.</summary>
    private static ModelValue EntryValue(ComposeEntry entry, char separator)
    {
        var raw = entry.Value is ComposeScalar { IsNull: false } scalar ? $"{entry.Key}{separator}{scalar.Value}" : entry.Key;
        var location = EntryLocation(entry);
        var site = entry.KeySite == entry.KeyLocation ? location : entry.KeySite;
        return new ModelValue(entry.Value.Interpolator.Interpolate(raw), raw, location, site);
    }

    /// <summary>A whole node (a long-syntax mapping) as one value whose text is the source as written.</summary>
    private static ModelValue Whole(ComposeNode node)
    {
        var raw = node.Location.Source.ToString(node.Location.Span);
        return new ModelValue(node.Interpolator.Interpolate(raw), raw, node.Location, node.Site);
    }

    /// <summary>A mapping key as a value; compose does not interpolate keys.</summary>
    private static ModelValue KeyValue(ComposeEntry entry) => new(entry.Key, entry.Key, entry.KeyLocation, entry.KeySite);

    private static ImmutableArray<ModelValue> List(ComposeNode? node)
    {
        var values = ImmutableArray.CreateBuilder<ModelValue>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar { IsNull: false } scalar)
            {
                values.Add(Value(scalar));
            }
        }

        return values.ToImmutable();
    }

    private static ImmutableArray<NetworkAttachment> Networks(ComposeNode? node, ImmutableArray<string> hostNetworks)
    {
        var result = ImmutableArray.CreateBuilder<NetworkAttachment>();
        if (node is ComposeMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                var name = KeyValue(entry);
                result.Add(new NetworkAttachment(name, hostNetworks.Contains(name.Text)));
            }
        }
        else
        {
            foreach (var name in List(node))
            {
                result.Add(new NetworkAttachment(name, hostNetworks.Contains(name.Text)));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<PortMapping> Ports(ComposeNode? node)
    {
        var result = ImmutableArray.CreateBuilder<PortMapping>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar { IsNull: false } scalar)
            {
                var entry = Value(scalar);
                var spec = PortSyntax.ParseShort(entry.Text);
                result.Add(new PortMapping(entry, spec.HostIp, spec.HostPortStart, spec.HostPortEnd, spec.ContainerPortStart, spec.ContainerPortEnd, spec.Protocol));
            }
            else if (item is ComposeMapping mapping)
            {
                var (containerStart, containerEnd) = PortSyntax.ParseRange(Text(mapping["target"]) ?? string.Empty);
                var published = Text(mapping["published"]);
                var (hostStart, hostEnd) = string.IsNullOrEmpty(published) ? (null, null) : PortSyntax.ParseRange(published);
                var hostIp = Text(mapping["host_ip"]);
                var protocol = PortSyntax.ParseProtocol(Text(mapping["protocol"]) ?? "tcp");
                result.Add(new PortMapping(Whole(mapping), string.IsNullOrEmpty(hostIp) ? null : hostIp, hostStart, hostEnd, containerStart, containerEnd, protocol));
            }
        }

        return result.ToImmutable();
    }

    private static string? Text(ComposeNode? node) => node is ComposeScalar { IsNull: false } scalar ? scalar.Text : null;

    private static ImmutableArray<Mount> Mounts(ComposeNode? node)
    {
        var result = ImmutableArray.CreateBuilder<Mount>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar { IsNull: false } scalar)
            {
                var entry = Value(scalar);
                var parts = VolumeSyntax.Split(entry.Text);
                if (parts.Count == 1)
                {
                    result.Add(new Mount(entry, null, parts[0], IsBind: false, ReadOnly: false));
                    continue;
                }

                var options = parts.Count > 2 ? parts[2].Split(',') : [];
                var source = parts[0];
                var isBind = source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || scalar.Value.StartsWith('$') || VolumeSyntax.IsDrivePath(source);
                result.Add(new Mount(entry, source, parts[1], isBind, options.Contains("ro", StringComparer.Ordinal)));
            }
            else if (item is ComposeMapping mapping)
            {
                var type = Text(mapping["type"]) ?? "volume";
                var readOnly = Text(mapping["read_only"]) is "true" or "True" or "TRUE";
                result.Add(new Mount(Whole(mapping), Text(mapping["source"]), Text(mapping["target"]) ?? string.Empty, type == "bind", readOnly));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<Label> Labels(ComposeNode? node)
    {
        var result = ImmutableArray.CreateBuilder<Label>();
        foreach (var (name, value, entry) in KeyedItems(node, '='))
        {
            result.Add(new Label(name, value ?? new ModelValue(string.Empty, string.Empty, entry.Location, entry.Site)));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<ModelValue> ExtraHosts(ComposeNode? node)
    {
        var result = ImmutableArray.CreateBuilder<ModelValue>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar { IsNull: false } scalar)
            {
                result.Add(Value(scalar));
            }
            else if (item is ComposeMapping mapping)
            {
                result.AddRange(mapping.Entries.Select(e => EntryValue(e, ':')));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The items of a list (<c>K=V</c> / <c>K</c>) or mapping (<c>K: V</c>) form, with the value part located exactly.</summary>
    private static IEnumerable<(string Name, ModelValue? Value, ModelValue Entry)> KeyedItems(ComposeNode? node, char separator)
    {
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar { IsNull: false } scalar)
            {
                var entry = Value(scalar);
                var index = scalar.Value.IndexOf(separator, StringComparison.Ordinal);
                yield return index < 0
                    ? (scalar.Value.Trim(), null, entry)
                    : (scalar.Value[..index].Trim(), Part(scalar, index + 1, scalar.Value.Length, scalar.Value[(index + 1)..]), entry);
            }
            else if (item is ComposeMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    yield return (entry.Key, Scalar(entry.Value), EntryValue(entry, separator));
                }
            }
        }
    }

    /// <summary>A list is taken item by item; a string is split like a shell, each word located inside the scalar.</summary>
    private static ImmutableArray<ModelValue> Arguments(ComposeNode? node) => node switch
    {
        ComposeSequence => List(node),
        ComposeScalar { IsNull: false } scalar => Split(scalar),
        _ => [],
    };

    private static ImmutableArray<ModelValue> Split(ComposeScalar scalar) =>
        [.. ShellWords.Split(scalar.Value).Select(w => Part(scalar, w.Start, w.End, w.Text))];

    private static ImmutableArray<ModelValue> HealthcheckTest(ComposeNode? node)
    {
        if (node is ComposeScalar { IsNull: false } scalar)
        {
            // A string test runs through the shell, like CMD-SHELL.
            return scalar.Value.Trim() == "NONE" ? [] : Split(scalar);
        }

        if (node is not ComposeSequence sequence)
        {
            return [];
        }

        var items = sequence.Items.OfType<ComposeScalar>().ToList();
        var first = items.Count > 0 ? items[0].Value : null;
        return first switch
        {
            "NONE" => [],
            "CMD" => [.. items[1..].Select(Value)],
            "CMD-SHELL" => [.. items.Skip(1).SelectMany(s => Split(s))],
            _ => [.. items.Select(Value)],
        };
    }
}
