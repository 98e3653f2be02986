using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Compose;

/// <summary>One key of an effective mapping: where the key is written, where it enters, and its value.</summary>
internal sealed record ComposeEntry(string Key, Location KeyLocation, Location KeySite, ComposeNode Value)
{
    public ComposeEntry WithSite(Location site) => new(Key, KeyLocation, site, Value.WithSite(site));
}
