using HostNetLint.Model.Compose;
using HostNetLint.Model.Units;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Model;

/// <summary>
/// Which files the model reads as what, for hosts that are handed single files (a language server's open
/// documents): the one place these names are decided, shared with <see cref="DeploymentModelBuilder"/>.
/// </summary>
public static class ModelFiles
{
    /// <summary>A compose file name compose-go or podman-compose looks for (<c>compose.yaml</c>, <c>docker-compose.override.yml</c>, …).</summary>
    public static bool IsComposeFileName(string fileName) => ComposeFileNames.IsKnownName(fileName);

    /// <summary>A systemd unit or Podman quadlet extension (<c>.service</c>, <c>.container</c>, <c>.pod</c>, <c>.kube</c>, <c>.network</c>, <c>.volume</c>, …).</summary>
    public static bool IsUnitFileName(string fileName) => UnitModelBuilder.IsUnitFileName(fileName);

    /// <summary>A <c>.yml</c> or <c>.yaml</c> file: a compose file of its own when it has a top-level <c>services:</c> mapping.</summary>
    public static bool IsYamlFileName(string fileName) => ComposeFileNames.IsYaml(fileName);

    /// <summary>True when the tree's root is a mapping with a <c>services:</c> mapping, which makes any YAML file a compose file.</summary>
    public static bool HasServices(YamlSyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return tree.Root is YamlMapping root && root["services"]?.Resolve() is YamlMapping;
    }
}
