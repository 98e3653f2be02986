using HostNetLint.Hosting;

namespace HostNetLint.Tests.Hosting;

[TestFixture]
public sealed class ReportScopeTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [TestCase("airflow/airflow.service", true)]
    [TestCase("airflow/docker-compose.yaml", false)]
    [TestCase("deploy/prod/compose.yaml", true)]
    [TestCase("deploy/prod", true)]
    [TestCase("deploy/production/compose.yaml", false)]
    [TestCase("deploy/compose.yaml", false)]
    [TestCase("/etc/systemd/system/airflow.service", false)]
    public void A_named_file_is_in_scope_and_a_named_directory_holds_everything_under_it(string path, bool expected)
    {
        var scope = ReportScope.Of(Root, [Path.Combine(Root, "airflow", "airflow.service"), Path.Combine(Root, "deploy", "prod") + Path.DirectorySeparatorChar]);
        Assert.That(scope.Contains(path), Is.EqualTo(expected));
    }

    [Test]
    public void Naming_the_root_or_nothing_is_everything()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportScope.Of(Root, [Path.Combine(Root, "a"), Root]).IsEverything, Is.True);
            Assert.That(ReportScope.Of(Root, []).IsEverything, Is.True);
            Assert.That(ReportScope.Everything.Contains("/outside/the/root.yaml"), Is.True);
        });
    }
}
