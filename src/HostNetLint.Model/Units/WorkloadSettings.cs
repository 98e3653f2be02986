using System.Collections.Immutable;
using HostNetLint.Model.Runtime;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Model.Units;

/// <summary>Reads the values Podman options and quadlet keys share: networks, ports, mounts, labels.</summary>
internal static class WorkloadSettings
{
    /// <summary>Splits <c>--network</c>/<c>Network=</c> values into a mode (the first one) and named networks.</summary>
    public static (ModelValue? Mode, ImmutableArray<NetworkAttachment> Networks) Networks(IEnumerable<UnitWord> values)
    {
        ModelValue? mode = null;
        var networks = ImmutableArray.CreateBuilder<NetworkAttachment>();
        foreach (var value in values)
        {
            if (NetworkModes.Named(value.Text) is { InPodman: true })
            {
                mode ??= value.ToValue();
            }
            else
            {
                networks.Add(new NetworkAttachment(value.ToValue(), IsHostNetwork: false));
            }
        }

        return (mode, networks.ToImmutable());
    }

    public static PortMapping Port(UnitWord value)
    {
        var spec = PortSyntax.ParseShort(value.Text);
        return new PortMapping(value.ToValue(), spec.HostIp, spec.HostPortStart, spec.HostPortEnd, spec.ContainerPortStart, spec.ContainerPortEnd, spec.Protocol);
    }

    /// <summary>A <c>-v SOURCE:TARGET[:OPTIONS]</c> / <c>Volume=</c> value.</summary>
    public static Mount Volume(UnitWord value)
    {
        var parts = VolumeSyntax.Split(value.Text);
        if (parts.Count == 1)
        {
            return new Mount(value.ToValue(), null, parts[0], IsBind: false, ReadOnly: false);
        }

        var source = parts[0];
        var isBind = source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || source.StartsWith('%') || source.StartsWith('$') || VolumeSyntax.IsDrivePath(source);
        var options = parts.Count > 2 ? parts[2].Split(',') : [];
        return new Mount(value.ToValue(), source, parts[1], isBind, options.Contains("ro", StringComparer.Ordinal));
    }

    /// <summary>A <c>--mount type=bind,source=..,target=..[,ro]</c> / <c>Mount=</c> value.</summary>
    public static Mount MountOption(UnitWord value)
    {
        string type = "volume";
        string? source = null;
        var target = string.Empty;
        var readOnly = false;
        foreach (var part in value.Text.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? part : part[..equals]).Trim();
            var setting = equals < 0 ? null : part[(equals + 1)..].Trim();
            switch (key)
            {
                case "type":
                    type = setting ?? type;
                    break;
                case "source" or "src":
                    source = setting;
                    break;
                case "target" or "destination" or "dst":
                    target = setting ?? string.Empty;
                    break;
                case "ro" or "readonly":
                    readOnly = setting is null or "true" or "1";
                    break;
            }
        }

        return new Mount(value.ToValue(), source, target, type == "bind", readOnly);
    }

    public static Label Label(UnitWord value)
    {
        var equals = value.Text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new Label(value.Text, value.Slice(value.Text.Length).ToValue())
            : new Label(value.Text[..equals], value.Slice(equals + 1).ToValue());
    }
}
