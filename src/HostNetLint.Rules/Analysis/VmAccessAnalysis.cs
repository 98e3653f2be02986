using System.Net;
using System.Text.RegularExpressions;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>Why a workload is taken to talk to VMs, with the value that shows it.</summary>
public sealed record VmAccessSignal(string Description, ModelValue Evidence);

/// <summary>
/// Decides whether a workload is VM-facing: it mounts the libvirt socket, names a libvirt URI, runs
/// virsh or kcli, addresses a VM network, or carries the opt-in label. The label set to "false" opts out.
/// </summary>
public static partial class VmAccessAnalysis
{
    public const string OptInLabel = "io.hostnetlint.vm-access";

    private static readonly string[] SocketDirectories = ["/var/run/libvirt", "/run/libvirt"];

    private static readonly string[] SocketFileNames =
        ["libvirt-sock", "libvirt-sock-ro", "libvirt-admin-sock", "virtqemud-sock", "virtqemud-sock-ro", "virtproxyd-sock", "virtproxyd-sock-ro"];

    /// <summary>The first signal found (mounts, then environment, commands, addresses, label), or null.</summary>
    public static VmAccessSignal? FindSignal(Workload workload, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        var label = workload.Labels.FirstOrDefault(l => l.Name == OptInLabel);
        if ((label is not null && IsFalse(label.Value.Text)) || options.VmAccess.Exclude.Any(glob => NameGlob.IsMatch(glob, workload.Name)))
        {
            return null;
        }

        return FindMountSignal(workload)
            ?? FindUriSignal(workload)
            ?? FindToolSignal(workload)
            ?? FindAddressSignal(workload, options)
            ?? (label is not null && IsTrue(label.Value.Text) ? new VmAccessSignal($"carries the label {OptInLabel}: \"true\"", label.Value) : null)
            ?? FindConfiguredSignal(workload, options.VmAccess);
    }

    /// <summary>The signals hostnetlint.yaml adds under <c>vmAccess</c>: workload names, images and labels.</summary>
    private static VmAccessSignal? FindConfiguredSignal(Workload workload, VmAccessOptions vmAccess)
    {
        if (vmAccess.Names.FirstOrDefault(glob => NameGlob.IsMatch(glob, workload.Name)) is { } name)
        {
            var site = new ModelValue(workload.Name, workload.Name, workload.Location, workload.Location);
            return new VmAccessSignal($"has a name matching the configured vmAccess name '{name}'", site);
        }

        if (workload.Image is { } image && vmAccess.Images.FirstOrDefault(glob => NameGlob.IsMatch(glob, image.Text)) is { } imageGlob)
        {
            return new VmAccessSignal($"runs an image matching the configured vmAccess image '{imageGlob}'", image);
        }

        foreach (var configured in vmAccess.Labels)
        {
            var separator = configured.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? configured : configured[..separator];
            var match = workload.Labels.FirstOrDefault(l => l.Name == key && (separator < 0 || l.Value.Text == configured[(separator + 1)..]));
            if (match is not null)
            {
                return new VmAccessSignal($"carries the configured vmAccess label '{configured}'", match.Value);
            }
        }

        return null;
    }

    public static bool IsLibvirtSocketPath(string path)
    {
        var normalized = path.TrimEnd('/');
        if (SocketDirectories.Any(dir => normalized == dir || normalized.StartsWith(dir + "/", StringComparison.Ordinal)))
        {
            return true;
        }

        var fileName = normalized[(normalized.LastIndexOf('/') + 1)..];
        return SocketFileNames.Contains(fileName, StringComparer.Ordinal);
    }

    private static VmAccessSignal? FindMountSignal(Workload workload)
    {
        var mount = workload.Mounts.FirstOrDefault(m => m.IsBind && m.Source is { } source && IsLibvirtSocketPath(source));
        return mount is null ? null : new VmAccessSignal($"mounts the libvirt socket '{mount.Source}'", mount.Entry);
    }

    /// <summary>A libvirt URI in environment variables, such as a unit's own <c>Environment=LIBVIRT_DEFAULT_URI=…</c>.</summary>
    public static VmAccessSignal? FindEnvironmentSignal(IEnumerable<EnvironmentVariable> environment) => FindUriSignal(environment, []);

    private static VmAccessSignal? FindUriSignal(Workload workload) => FindUriSignal(workload.Environment, workload.Command.Concat(workload.Entrypoint));

    private static VmAccessSignal? FindUriSignal(IEnumerable<EnvironmentVariable> environment, IEnumerable<ModelValue> arguments)
    {
        var variables = environment.ToList();
        var uriVariable = variables.FirstOrDefault(e => e.Name == "LIBVIRT_DEFAULT_URI");
        if (uriVariable is not null)
        {
            return new VmAccessSignal("sets LIBVIRT_DEFAULT_URI", uriVariable.Entry);
        }

        foreach (var value in variables.Select(e => e.Entry).Concat(arguments))
        {
            var match = LibvirtUri().Match(value.Text);
            if (match.Success)
            {
                return new VmAccessSignal($"uses the libvirt URI '{match.Value}'", value);
            }
        }

        return null;
    }

    private static VmAccessSignal? FindToolSignal(Workload workload)
    {
        foreach (var value in workload.Command.Concat(workload.Entrypoint).Concat(workload.Healthcheck))
        {
            var match = VmTool().Match(value.Text);
            if (match.Success)
            {
                return new VmAccessSignal($"runs {match.Groups["tool"].Value}", value);
            }
        }

        return null;
    }

    private static VmAccessSignal? FindAddressSignal(Workload workload, LintOptions options)
    {
        var networks = options.VmNetworks.Select(cidr => IPNetwork.TryParse(cidr, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>().ToArray();
        if (networks.Length == 0)
        {
            return null;
        }

        var values = workload.Environment.Select(e => e.Entry)
            .Concat(workload.Command).Concat(workload.Entrypoint).Concat(workload.Healthcheck).Concat(workload.ExtraHosts);
        foreach (var value in values)
        {
            foreach (Match match in Ipv4Address().Matches(value.Text))
            {
                if (IPAddress.TryParse(match.Value, out var address) && networks.Any(n => n.Contains(address)))
                {
                    return new VmAccessSignal($"addresses {match.Value} on a VM network", value);
                }
            }
        }

        return null;
    }

    private static bool IsTrue(string text) => text.Trim().ToLowerInvariant() is "true" or "yes" or "1" or "on";

    private static bool IsFalse(string text) => text.Trim().ToLowerInvariant() is "false" or "no" or "0" or "off";

    [GeneratedRegex(@"\bqemu(\+[a-z0-9]+)?://[^\s'""]*", RegexOptions.CultureInvariant)]
    private static partial Regex LibvirtUri();

    [GeneratedRegex(@"(^|[\s/;&|(""'])(?<tool>virsh|kcli)(?=$|[\s;&|)""'])", RegexOptions.CultureInvariant)]
    private static partial Regex VmTool();

    [GeneratedRegex(@"(?<![\d.])(\d{1,3}\.){3}\d{1,3}(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Address();
}
