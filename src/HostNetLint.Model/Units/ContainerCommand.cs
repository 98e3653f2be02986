namespace HostNetLint.Model.Units;

/// <summary>A command in an <c>Exec*=</c> line that starts containers; <see cref="Program"/> is the word that names the tool.</summary>
internal abstract record ContainerCommand(UnitWord Program);
