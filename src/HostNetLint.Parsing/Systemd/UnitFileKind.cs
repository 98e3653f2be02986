namespace HostNetLint.Parsing.Systemd;

/// <summary>What a file in unit-file syntax is, so callers can skip files that only look like units.</summary>
public enum UnitFileKind
{
    /// <summary>A systemd unit (<c>.service</c>, <c>.socket</c>, <c>.timer</c>, ...).</summary>
    SystemdUnit,

    /// <summary>A drop-in fragment (<c>NAME.service.d/*.conf</c>) that amends a systemd unit.</summary>
    DropIn,

    /// <summary>A Podman quadlet (<c>.container</c>, <c>.pod</c>, <c>.kube</c>, <c>.network</c>, <c>.volume</c>, <c>.image</c>, <c>.build</c>).</summary>
    Quadlet,

    /// <summary>A D-Bus activation file: a <c>.service</c> file whose first section is <c>[D-BUS Service]</c>. Not a systemd unit.</summary>
    DBusService,

    /// <summary>Same syntax, but something else (a systemd-networkd <c>.network</c> file, an unknown extension).</summary>
    Other,
}
