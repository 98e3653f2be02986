using HostNetLint.Hosting.Configuration;

namespace HostNetLint.Tests.Configuration;

[TestFixture]
public sealed class EditorConfigGlobTests
{
    [TestCase("*.yaml", "compose.yaml", true)]
    [TestCase("*.yaml", "deep/dir/compose.yaml", true)]
    [TestCase("*.yaml", "compose.yml", false)]
    [TestCase("*.{yml,yaml}", "a/compose.yml", true)]
    [TestCase("*.{yml,yaml}", "a/compose.json", false)]
    [TestCase("{compose,docker-compose}.{yml,yaml}", "x/docker-compose.yaml", true)]
    [TestCase("**/airflow/*.service", "airflow/airflow.service", true)]
    [TestCase("**/airflow/*.service", "hosts/a/airflow/airflow.service", true)]
    [TestCase("**/airflow/*.service", "airflow/sub/airflow.service", false)]
    [TestCase("airflow/*.service", "airflow/airflow.service", true)]
    [TestCase("airflow/*.service", "x/airflow/airflow.service", false)]
    [TestCase("/airflow/*.service", "airflow/airflow.service", true)]
    [TestCase("airflow/**", "airflow/a/b.yaml", true)]
    [TestCase("file?.yaml", "file1.yaml", true)]
    [TestCase("file?.yaml", "file10.yaml", false)]
    [TestCase("file[0-9].yaml", "file7.yaml", true)]
    [TestCase("file[!0-9].yaml", "file7.yaml", false)]
    [TestCase("file[!0-9].yaml", "filex.yaml", true)]
    [TestCase("node{1..3}.yaml", "node2.yaml", true)]
    [TestCase("node{1..3}.yaml", "node4.yaml", false)]
    [TestCase("{single}.yaml", "{single}.yaml", true)]
    [TestCase("a\\*.yaml", "a*.yaml", true)]
    [TestCase("a\\*.yaml", "ab.yaml", false)]
    [TestCase("*", "any/thing", true)]
    [TestCase("{a,{b,c}}.yaml", "c.yaml", true)]
    [TestCase("[unclosed", "[unclosed", true)]
    public void Matches_like_the_editorconfig_spec(string glob, string path, bool expected)
    {
        Assert.That(EditorConfigGlob.Create(glob).IsMatch(path), Is.EqualTo(expected));
    }
}
