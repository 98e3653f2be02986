using HostNetLint.Model;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Model.Units;

/// <summary>Builds the model over the shared public corpus; it must complete without an exception.</summary>
public class UnitCorpusTests
{
    [TestCase("debian-units")]
    [TestCase("containers+podman")]
    public void The_model_builds_over_the_corpus(string subdirectory)
    {
        var directory = Path.Combine(Corpus.RequireDirectory(), subdirectory);
        if (!Directory.Exists(directory))
        {
            Assert.Ignore($"The corpus has no {subdirectory} directory ({directory}).");
        }

        var model = DeploymentModelBuilder.Build(directory, [], ModelOptions.Default);

        Assert.That(model.Units, Is.Not.Empty);
        TestContext.Out.WriteLine($"{subdirectory}: {model.Units.Length} units, {model.Workloads.Length} workloads, {model.Problems.Length} problems");
    }
}
