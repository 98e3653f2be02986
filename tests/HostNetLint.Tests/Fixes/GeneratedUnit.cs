using System.Text;
using CsCheck;

namespace HostNetLint.Tests.Fixes;

/// <summary>A generated systemd unit in one of many layouts, with the lines a correct fix must keep.</summary>
internal sealed record GeneratedUnit(int UnitSection, int After, int Wants, bool Comments, bool Crlf, bool Bom, bool FinalNewline, bool LeadingComment)
{
    public static Gen<GeneratedUnit> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 31])
            .Select(t => new GeneratedUnit(t.Item1, t.Item2, t.Item3, (t.Item4 & 1) != 0, (t.Item4 & 2) != 0, (t.Item4 & 4) != 0, (t.Item4 & 8) != 0, (t.Item4 & 16) != 0));

    public string NewLine => Crlf ? "\r\n" : "\n";

    public (string Text, List<(string Line, bool Protected)> Lines) Render()
    {
        var lines = new List<(string, bool)>();
        if (LeadingComment)
        {
            lines.Add(("# /etc/systemd/system/airflow.service", true));
        }

        // UnitSection: 0 none, 1 [Unit] with entries, 2 [Unit] with only a comment.
        if (UnitSection > 0)
        {
            lines.Add(("[Unit]", true));
            if (UnitSection == 1)
            {
                lines.Add(("Description=Airflow via Podman", true));
                if (Comments)
                {
                    lines.Add(("; ordering follows", true));
                }

                // After: 0 none, 1 network.target, 2 network-online.target, 3 network.target + libvirtd, 4 libvirtd on its own line.
                switch (After)
                {
                    case 1:
                        lines.Add(("After=network.target", false));
                        break;
                    case 2:
                        lines.Add(("After=network-online.target", false));
                        break;
                    case 3:
                        lines.Add(("After=network.target  libvirtd.service", false));
                        break;
                    case 4:
                        lines.Add(("After=syslog.target", false));
                        lines.Add(("After=libvirtd.service", false));
                        break;
                }

                // Wants: 0 none, 1 libvirtd, 2 network-online, 3 something else.
                switch (Wants)
                {
                    case 1:
                        lines.Add(("Wants=libvirtd.service", false));
                        break;
                    case 2:
                        lines.Add(("Wants=network-online.target", false));
                        break;
                    case 3:
                        lines.Add(("Wants=podman.socket", false));
                        break;
                }

                lines.Add(("Documentation=man:airflow(1)", true));
            }
            else if (Comments)
            {
                lines.Add(("# nothing here yet", true));
            }

            lines.Add((string.Empty, false));
        }

        lines.Add(("[Service]", true));
        if (Comments)
        {
            lines.Add(("# the stack", true));
        }

        lines.Add(("ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up", true));
        lines.Add(("Restart=always", true));
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
}
