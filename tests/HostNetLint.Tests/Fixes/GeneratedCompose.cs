using System.Text;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// A generated compose file in one of many layouts (indent 2 or 4, block or flow services, quoting, comments
/// everywhere, CRLF, BOM, no final newline), and which of its lines a correct fix must keep.
/// </summary>
internal sealed record GeneratedCompose(int Indent, bool Crlf, bool Bom, bool FinalNewline, bool Version, bool HeaderComment, GeneratedService[] Services, GeneratedAnchor? Anchor = null)
{
    private IEnumerable<GeneratedService> Merging => Services.Where(s => s.MergesAnchor);

    /// <summary>
    /// False when a fixed rule must keep firing: its fix would change shared text (anchor ports or networks
    /// merged by host and non-host services alike), or HNL1003 has no fix (a bridge service with the anchor's networks).
    /// </summary>
    public bool ExpectSettled =>
        Anchor is not { } anchor
        || ((!(anchor.Ports || anchor.Networks) || !Merging.Any() || Merging.All(s => s.EndsOnHostNetwork) || !Merging.Any(s => s.EndsOnHostNetwork))
            && !(anchor.Networks && Merging.Any(s => s.NetworkMode == "bridge" && !s.EndsOnHostNetwork)));

    public string NewLine => Crlf ? "\r\n" : "\n";

    /// <summary>The text, and for each line whether every fix must leave it as it is (false: a fix may remove or change it).</summary>
    public (string Text, List<(string Line, bool Protected)> Lines) Render()
    {
        var lines = new List<(string, bool)>();
        var i1 = new string(' ', Indent);
        var i2 = new string(' ', Indent * 2);
        var i3 = new string(' ', Indent * 3);
        if (HeaderComment)
        {
            lines.Add(("# generated compose file: header comment", true));
        }

        if (Version)
        {
            lines.Add(("version: '3.8'  # obsolete", false));
            lines.Add((string.Empty, false));
        }

        if (Anchor is { } anchor)
        {
            var removedFromAnchor = Merging.Any() && Merging.All(s => s.EndsOnHostNetwork);
            lines.Add(("x-common: &common", true));
            if (anchor.Comments)
            {
                lines.Add(($"{i1}# shared settings", true));
            }

            lines.Add(($"{i1}image: quay.io/example/common:1.0", true));
            if (anchor.VmFacing)
            {
                lines.Add(($"{i1}volumes:", true));
                lines.Add(($"{i2}- /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro", true));
            }

            if (anchor.Ports)
            {
                lines.Add(($"{i1}ports:", !removedFromAnchor));
                lines.Add(($"{i2}- \"8000:8000\"", !removedFromAnchor));
            }

            if (anchor.Networks)
            {
                lines.Add(($"{i1}networks:", !removedFromAnchor));
                lines.Add(($"{i2}- front", !removedFromAnchor));
            }

            lines.Add(($"{i1}restart: always", true));
            lines.Add((string.Empty, true));
        }

        lines.Add(("services:", true));
        foreach (var s in Services)
        {
            if (s.Comments)
            {
                lines.Add(($"{i1}# the service {s.Name}", true));
            }

            if (s.Flow)
            {
                lines.Add(($"{i1}{s.Name}: {{ {string.Join(", ", FlowEntries(s))} }}{(s.Comments ? "  # flow" : string.Empty)}", false));
                continue;
            }

            lines.Add(($"{i1}{s.Name}:{(s.Comments ? "  # key comment" : string.Empty)}", true));
            if (s.MergesAnchor)
            {
                lines.Add(($"{i2}<<: *common", true));
            }

            lines.Add(($"{i2}image: {Quoted(s, "quay.io/example/" + s.Name + ":1.0")}", true));
            if (s.NetworkMode is { } mode)
            {
                lines.Add(($"{i2}{Key(s, "network_mode")}: {Quoted(s, mode)}", mode == "host" || !s.VmFacing));
            }

            var item = s.CompactSequences ? i2 : i3;
            if (s.VmFacing)
            {
                if (s.Comments)
                {
                    lines.Add(($"{i2}# the libvirt socket of {s.Name}", true));
                }

                lines.Add(($"{i2}volumes:", true));
                lines.Add(($"{item}- /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro{(s.Comments ? " # ro" : string.Empty)}", true));
            }

            var removed = s.EndsOnHostNetwork;
            if (s.Ports)
            {
                if (s.Comments)
                {
                    lines.Add(($"{i2}# published ports of {s.Name}", !removed));
                }

                lines.Add(($"{i2}{Key(s, "ports")}:", !removed));
                lines.Add(($"{item}- {Quoted(s, "808" + s.Index + ":80")}{(s.Comments ? "   # inline" : string.Empty)}", !removed));
                if (s.Comments)
                {
                    lines.Add(($"{item}# - \"9999:9999\"", !removed));
                }
            }

            if (s.Networks)
            {
                lines.Add(($"{i2}{Key(s, "networks")}:", !removed));
                lines.Add(($"{item}- front", !removed));
            }

            lines.Add(($"{i2}command: serve --name {Quoted(s, s.Name)}", true));
            if (s.Comments)
            {
                lines.Add(($"{i2}# last comment of {s.Name}", true));
            }
        }

        lines.Add((string.Empty, true));
        lines.Add(("networks:", true));
        lines.Add(($"{i1}front: {{}}", true));
        var text = new StringBuilder(Bom ? "\uFEFF" : string.Empty);
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i].Item1);
            if (i < lines.Count - 1 || FinalNewline)
            {
                text.Append(NewLine);
            }
        }

        return (text.ToString(), lines);
    }

    private static IEnumerable<string> FlowEntries(GeneratedService s)
    {
        yield return $"image: {Quoted(s, "quay.io/example/" + s.Name)}";
        if (s.NetworkMode is { } mode)
        {
            yield return $"network_mode: {mode}";
        }

        if (s.VmFacing)
        {
            yield return "volumes: [\"/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\"]";
        }

        if (s.Ports)
        {
            yield return $"ports: [{Quoted(s, "808" + s.Index + ":80")}]";
        }

        if (s.Networks)
        {
            yield return "networks: [front]";
        }

        yield return "command: serve";
    }

    /// <summary>Keys are quoted too in the double-quoted variant: <c>"ports":</c> is the same key.</summary>
    private static string Key(GeneratedService s, string key) => s.Quote == 2 ? $"\"{key}\"" : key;

    private static string Quoted(GeneratedService s, string value) => s.Quote switch
    {
        1 => $"'{value}'",
        2 => $"\"{value}\"",
        _ => value.Contains(':', StringComparison.Ordinal) && !value.Contains('/', StringComparison.Ordinal) ? $"\"{value}\"" : value,
    };
}
