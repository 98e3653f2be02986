using System.Text;
using CsCheck;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// A generated compose file whose services take their network settings through YAML merges and <c>extends</c>: two
/// extension anchors (<c>x-net</c> with network settings, <c>x-virt</c> with the libvirt socket and maybe its own), each
/// service merging none, one or both in either order, extending the one before it, with its own settings on top, some of
/// its HNL1001 findings suppressed, and the file maybe ending inside a block scalar without a final newline.
/// </summary>
internal sealed record GeneratedMergeCompose(GeneratedMergeAnchor Net, GeneratedMergeAnchor Virt, GeneratedMergeService[] Services, bool FinalNewline)
{
    private static readonly Gen<GeneratedMergeAnchor> Anchor =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Bool)
            .Select(t => new GeneratedMergeAnchor(Mode: t.Item1 switch { 0 => null, 1 => "bridge", _ => "host" }, Networks: t.Item2, Restart: t.Item3));

    private static readonly Gen<GeneratedMergeService> Service =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 63])
            .Select(t => new GeneratedMergeService(
                0,
                Merge: t.Item1,
                Mode: t.Item2 switch { 0 => null, 1 => "bridge", _ => "host" },
                VmFacing: (t.Item3 & 1) != 0,
                Networks: (t.Item3 & 2) != 0,
                Extends: (t.Item3 & 4) != 0,
                Suppressed: (t.Item3 & 8) != 0,
                BlockCommand: (t.Item3 & 16) != 0,
                KeepChomping: (t.Item3 & 32) != 0));

    public static Gen<GeneratedMergeCompose> Gen { get; } =
        CsCheck.Gen.Select(Anchor, Anchor, Service.Array[1, 4], CsCheck.Gen.Bool)
            .Select(t => new GeneratedMergeCompose(t.Item1, t.Item2 with { Virt = true }, [.. t.Item3.Select((s, i) => s with { Index = i, Extends = s.Extends && i > 0 })], t.Item4));

    /// <summary>
    /// Files docker-compose accepts as written, most of the time: each sets networks either by network_mode or by
    /// networks:, never both (a service with both, merged or its own, is rejected, and then there is nothing to compare).
    /// </summary>
    public static Gen<GeneratedMergeCompose> Accepted { get; } =
        CsCheck.Gen.Select(Gen, CsCheck.Gen.Bool).Select(t => t.Item2 ? t.Item1.WithoutNetworks() : t.Item1.WithoutModes());

    private GeneratedMergeCompose WithoutNetworks() =>
        this with { Net = Net with { Networks = 0 }, Virt = Virt with { Networks = 0 }, Services = [.. Services.Select(s => s with { Networks = false })] };

    private GeneratedMergeCompose WithoutModes() =>
        this with { Net = Net with { Mode = null }, Virt = Virt with { Mode = null }, Services = [.. Services.Select(s => s with { Mode = null })] };

    /// <summary>The file: networks first, then the anchors and the services, so the last service's command can end the file.</summary>
    public string Render()
    {
        var text = new StringBuilder("networks:\n  front: {}\n  back: {}\n");
        Net.Render(text, "x-net: &net");
        Virt.Render(text, "x-virt: &virt");
        text.Append("services:\n");
        foreach (var service in Services)
        {
            service.Render(text);
        }

        return FinalNewline ? text.ToString() : text.ToString().TrimEnd('\n');
    }
}

/// <summary>An extension anchor: maybe a network_mode, networks: (0 none, 1 flow, 2 block), other keys, the libvirt socket.</summary>
internal sealed record GeneratedMergeAnchor(string? Mode, int Networks, bool Restart, bool Virt = false)
{
    public void Render(StringBuilder text, string header)
    {
        text.Append(header).Append('\n');
        var empty = true;
        if (Virt)
        {
            text.Append("  volumes:\n    - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n");
            empty = false;
        }

        if (Mode is { } mode)
        {
            text.Append("  network_mode: ").Append(mode).Append('\n');
            empty = false;
        }

        if (Networks == 1)
        {
            text.Append("  networks: [front]\n");
            empty = false;
        }
        else if (Networks == 2)
        {
            text.Append("  networks:\n    - back\n");
            empty = false;
        }

        if (Restart || empty)
        {
            text.Append("  restart: always\n");
        }
    }
}

/// <summary>
/// A service: <see cref="Merge"/> 0 none, 1 <c>*net</c>, 2 <c>*virt</c>, 3 <c>[*net, *virt]</c>, 4 <c>[*virt, *net]</c>;
/// its own network_mode, libvirt socket and networks:; <c>extends</c> of the service before it; a suppressed HNL1001;
/// a command written as a block scalar (<c>|</c> or <c>|+</c>), last in the service.
/// </summary>
internal sealed record GeneratedMergeService(int Index, int Merge, string? Mode, bool VmFacing, bool Networks, bool Extends, bool Suppressed, bool BlockCommand, bool KeepChomping)
{
    public string Name => $"svc{Index}";

    public void Render(StringBuilder text)
    {
        if (Suppressed)
        {
            text.Append("  # hostnetlint-disable-next-line HNL1001 -- generated: reaches its VMs another way\n");
        }

        text.Append("  ").Append(Name).Append(":\n");
        var merge = Merge switch { 1 => "*net", 2 => "*virt", 3 => "[*net, *virt]", 4 => "[*virt, *net]", _ => null };
        if (merge is not null)
        {
            text.Append("    <<: ").Append(merge).Append('\n');
        }

        if (Extends)
        {
            text.Append("    extends: svc").Append(Index - 1).Append('\n');
        }

        text.Append("    image: quay.io/example/").Append(Name).Append(":1.0\n");
        if (Mode is { } mode)
        {
            text.Append("    network_mode: ").Append(mode).Append('\n');
        }

        if (VmFacing)
        {
            text.Append("    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\n");
        }

        if (Networks)
        {
            text.Append("    networks:\n      - front\n");
        }

        text.Append(BlockCommand
            ? $"    command: {(KeepChomping ? "|+" : "|")}\n      serve --name {Name}\n"
            : $"    command: serve --name {Name}\n");
    }
}
