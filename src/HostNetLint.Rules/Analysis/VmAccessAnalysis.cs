using System.Net;
using System.Text.RegularExpressions;
using HostNetLint.Model.Workloads;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Rules.Analysis;

/// <summary>How a workload reaches libvirt or its VMs, which decides whether libvirt must already run (HNL2002).</summary>
public enum VmAccessRoute
{
    /// <summary>
    /// Through a libvirt UNIX socket on this host: a socket mount, a local URI (<c>qemu:///system</c>, <c>qemu+unix://</c>),
    /// <c>virsh</c> or <c>kcli</c> with libvirt's default URI. The socket units are enabled by default and the first
    /// connection starts the daemon.
    /// </summary>
    LocalSocket,

    /// <summary>To VMs by their addresses on a VM network: they run only once libvirt has started and autostarted them.</summary>
    VmAddress,

    /// <summary>Over TCP or TLS to this host's libvirt (<c>qemu+tcp://localhost/system</c>): its TCP sockets are not enabled by default, so the daemon must listen.</summary>
    LocalTcp,

    /// <summary>
    /// Another way, or one the files do not show: SSH (<c>qemu+ssh://</c> reaches the far host's socket), another host,
    /// the opt-in label, configured names, images and labels.
    /// </summary>
    Other,
}

/// <summary>Why a workload is taken to talk to VMs, with the value that shows it and the way it goes.</summary>
public sealed record VmAccessSignal(string Description, ModelValue Evidence, VmAccessRoute Route = VmAccessRoute.Other);

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
    public static VmAccessSignal? FindSignal(Workload workload, LintOptions options) => FindSignals(workload, options).FirstOrDefault();

    /// <summary>Every signal, in the order of <see cref="FindSignal"/>; none when the workload opts out.</summary>
    public static IEnumerable<VmAccessSignal> FindSignals(Workload workload, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        return IsOptedOut(workload, options) ? [] : Signals(workload, options);
    }

    /// <summary>True when the workload carries <c>io.hostnetlint.vm-access: "false"</c> or matches <c>vmAccess.exclude</c>.</summary>
    public static bool IsOptedOut(Workload workload, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(options);
        var label = workload.Labels.FirstOrDefault(l => l.Name == OptInLabel);
        return (label is not null && IsFalse(label.Value.Text)) || options.VmAccess.Exclude.Any(glob => NameGlob.IsMatch(glob, workload.Name));
    }

    private static IEnumerable<VmAccessSignal> Signals(Workload workload, LintOptions options)
    {
        var signals = FindMountSignals(workload)
            .Concat(FindUriSignals(workload.Environment, workload.Command.Concat(workload.Entrypoint)))
            .Concat(FindToolSignals(workload))
            .Concat(FindAddressSignals(workload, options));
        foreach (var signal in signals)
        {
            yield return signal;
        }

        var label = workload.Labels.FirstOrDefault(l => l.Name == OptInLabel);
        if (label is not null && IsTrue(label.Value.Text))
        {
            yield return new VmAccessSignal($"carries the label {OptInLabel}: \"true\"", label.Value);
        }

        if (FindConfiguredSignal(workload, options.VmAccess) is { } configured)
        {
            yield return configured;
        }
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

    private static IEnumerable<VmAccessSignal> FindMountSignals(Workload workload)
    {
        foreach (var mount in workload.Mounts)
        {
            if (mount.IsBind && mount.Source is { } source && IsLibvirtSocketPath(source))
            {
                yield return new VmAccessSignal($"mounts the libvirt socket '{source}'", mount.Entry, VmAccessRoute.LocalSocket);
            }
        }
    }

    /// <summary>A libvirt URI in environment variables, such as a unit's own <c>Environment=LIBVIRT_DEFAULT_URI=…</c>.</summary>
    public static VmAccessSignal? FindEnvironmentSignal(IEnumerable<EnvironmentVariable> environment) => FindUriSignals(environment, []).FirstOrDefault();

    private static IEnumerable<VmAccessSignal> FindUriSignals(IEnumerable<EnvironmentVariable> environment, IEnumerable<ModelValue> arguments)
    {
        var variables = environment.ToList();
        var uriVariable = variables.FirstOrDefault(e => e.Name == "LIBVIRT_DEFAULT_URI");
        if (uriVariable is not null)
        {
            // Without a value it comes from where the container is started: the way cannot be told.
            var uri = uriVariable.Value is { } value ? LibvirtUri().Match(value.Text) : null;
            yield return new VmAccessSignal("sets LIBVIRT_DEFAULT_URI", uriVariable.Entry, uri is { Success: true } ? RouteOf(uri.Value) : VmAccessRoute.Other);
        }

        var values = new List<ModelValue>(variables.Count);
        foreach (var variable in variables)
        {
            if (!ReferenceEquals(variable, uriVariable))
            {
                values.Add(variable.Entry);
            }
        }

        values.AddRange(arguments);
        foreach (var value in values)
        {
            foreach (Match match in LibvirtUri().Matches(value.Text))
            {
                yield return new VmAccessSignal($"uses the libvirt URI '{match.Value}'", value, RouteOf(match.Value));
            }
        }
    }

    /// <summary>
    /// The way a libvirt URI goes (<c>driver[+transport]://[user@][host][:port]/path</c>): no host or <c>+unix</c> is
    /// the local socket; TCP and TLS (the default transport with a host) to a loopback host is the local daemon's
    /// TCP listener; SSH and other hosts are <see cref="VmAccessRoute.Other"/>.
    /// </summary>
    internal static VmAccessRoute RouteOf(string uri)
    {
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return VmAccessRoute.Other;
        }

        var plus = uri.IndexOf('+', 0, schemeEnd);
        var transport = plus < 0 ? null : uri[(plus + 1)..schemeEnd];
        var authority = uri[(schemeEnd + 3)..];
        var slash = authority.IndexOfAny(['/', '?']);
        authority = slash < 0 ? authority : authority[..slash];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        host = host.StartsWith('[') ? host[1..Math.Max(1, host.IndexOf(']', StringComparison.Ordinal))] : host.Split(':')[0];
        var loopback = host.Length == 0 || host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return transport switch
        {
            "unix" => VmAccessRoute.LocalSocket,
            null when host.Length == 0 => VmAccessRoute.LocalSocket,
            null or "tcp" or "tls" when loopback => VmAccessRoute.LocalTcp,
            _ => VmAccessRoute.Other,
        };
    }

    private static IEnumerable<VmAccessSignal> FindToolSignals(Workload workload)
    {
        foreach (var value in workload.Command.Concat(workload.Entrypoint).Concat(workload.Healthcheck))
        {
            var match = VmTool().Match(value.Text);
            if (match.Success)
            {
                // virsh -c URI goes where the URI says; without one, libvirt's default URI is the local socket.
                var uri = LibvirtUri().Match(value.Text);
                yield return new VmAccessSignal($"runs {match.Groups["tool"].Value}", value, uri.Success ? RouteOf(uri.Value) : VmAccessRoute.LocalSocket);
            }
        }
    }

    private static IEnumerable<VmAccessSignal> FindAddressSignals(Workload workload, LintOptions options)
    {
        var networks = options.VmNetworks.Select(cidr => IPNetwork.TryParse(cidr, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>().ToArray();
        if (networks.Length == 0)
        {
            yield break;
        }

        var values = workload.Environment.Select(e => e.Entry)
            .Concat(workload.Command).Concat(workload.Entrypoint).Concat(workload.Healthcheck).Concat(workload.ExtraHosts);
        foreach (var value in values)
        {
            foreach (Match match in Ipv4Address().Matches(value.Text))
            {
                if (IPAddress.TryParse(match.Value, out var address) && networks.Any(n => n.Contains(address)))
                {
                    yield return new VmAccessSignal($"addresses {match.Value} on a VM network", value, VmAccessRoute.VmAddress);
                }
            }
        }
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
