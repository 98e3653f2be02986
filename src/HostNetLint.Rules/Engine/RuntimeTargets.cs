using System.Globalization;

namespace HostNetLint.Rules.Engine;

/// <summary>
/// The releases of the tools the deployment runs on (hostnetlint.yaml <c>targets:</c>), each parsed once; null when not
/// given. Rules that depend on a release (see <c>Model.Runtime.RuntimeFacts</c>) read them instead of assuming one.
/// </summary>
public sealed record RuntimeTargets
{
    public static RuntimeTargets None { get; } = new();

    /// <summary><c>podman-compose --version</c>, e.g. 1.0.3 (Debian 12).</summary>
    public Version? PodmanCompose { get; init; }

    /// <summary><c>podman --version</c>, e.g. 4.3.1 (Debian 12).</summary>
    public Version? Podman { get; init; }

    /// <summary>Docker Compose (<c>docker compose version</c>), e.g. 2.29.</summary>
    public Version? Compose { get; init; }

    /// <summary>systemd, e.g. 252 (Debian 12).</summary>
    public Version? Systemd { get; init; }

    /// <summary>
    /// A release as people write it: 1 to 4 numbers separated by dots (<c>1.0.3</c>, <c>4.3</c>, <c>252</c>), missing parts
    /// read as 0 (<c>4.3</c> is 4.3.0, before 4.3.1). Null for anything else, such as <c>v1.0.3</c>, <c>1.0.3-1</c> or <c>1e3</c>.
    /// </summary>
    public static Version? ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('.');
        if (parts.Length > 4)
        {
            return null;
        }

        var numbers = new int[3];
        var fourth = -1;
        for (var i = 0; i < parts.Length; i++)
        {
            // At most 9 digits: an int, whatever the text.
            if (parts[i].Length is 0 or > 9 || !parts[i].All(char.IsAsciiDigit))
            {
                return null;
            }

            var number = int.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture);
            if (i < 3)
            {
                numbers[i] = number;
            }
            else
            {
                fourth = number;
            }
        }

        return fourth < 0 ? new Version(numbers[0], numbers[1], numbers[2]) : new Version(numbers[0], numbers[1], numbers[2], fourth);
    }
}
