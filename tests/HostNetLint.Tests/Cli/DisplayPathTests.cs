using HostNetLint.Cli.Output;

namespace HostNetLint.Tests.Cli;

[TestFixture]
public sealed class DisplayPathTests
{
    private string temp = "";

    [SetUp]
    public void CreateTree()
    {
        temp = Path.Combine(Path.GetTempPath(), "hostnetlint-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(temp, "deploy", "airflow"));
        Directory.CreateDirectory(Path.Combine(temp, "deploy", "airflow-extra"));
        Directory.CreateDirectory(Path.Combine(temp, "deploy", "systemd"));
        File.WriteAllText(Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml"), "services: {}\n");
        File.WriteAllText(Path.Combine(temp, "deploy", "airflow", ".env"), "A=1\n");
        File.WriteAllText(Path.Combine(temp, "deploy", "systemd", "airflow.service"), "[Unit]\n");
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(temp, recursive: true);

    [Test]
    public void An_absolute_path_inside_the_current_directory_is_shown_relative_with_forward_slashes()
    {
        var file = Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml");

        Assert.That(DisplayPath.For(file, temp, temp), Is.EqualTo("deploy/airflow/docker-compose.yaml"));
    }

    [Test]
    public void A_path_outside_the_current_directory_climbs_with_dot_dot()
    {
        var file = Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml");

        Assert.That(DisplayPath.For(file, temp, Path.Combine(temp, "deploy", "systemd")), Is.EqualTo("../airflow/docker-compose.yaml"));
    }

    [Test]
    public void A_relative_path_is_relative_to_the_root()
    {
        Assert.That(DisplayPath.For("airflow/.env", Path.Combine(temp, "deploy"), temp), Is.EqualTo("deploy/airflow/.env"));
    }

    [Test]
    public void An_empty_path_stays_empty()
    {
        Assert.That(DisplayPath.For("", temp, temp), Is.Empty);
    }

    [Test]
    public void The_common_directory_of_one_file_is_its_directory()
    {
        var file = Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml");

        Assert.That(DisplayPath.CommonDirectory([file]), Is.EqualTo(Path.Combine(temp, "deploy", "airflow")));
    }

    [Test]
    public void The_common_directory_of_one_directory_is_itself()
    {
        Assert.That(DisplayPath.CommonDirectory([Path.Combine(temp, "deploy") + Path.DirectorySeparatorChar]), Is.EqualTo(Path.Combine(temp, "deploy")));
    }

    [Test]
    public void The_common_directory_of_files_in_sibling_directories_is_their_parent()
    {
        var compose = Path.Combine(temp, "deploy", "airflow", "docker-compose.yaml");
        var unit = Path.Combine(temp, "deploy", "systemd", "airflow.service");

        Assert.That(DisplayPath.CommonDirectory([compose, unit]), Is.EqualTo(Path.Combine(temp, "deploy")));
    }

    [Test]
    public void A_shared_name_prefix_is_not_a_common_directory()
    {
        var airflow = Path.Combine(temp, "deploy", "airflow");
        var airflowExtra = Path.Combine(temp, "deploy", "airflow-extra");

        Assert.That(DisplayPath.CommonDirectory([airflow, airflowExtra]), Is.EqualTo(Path.Combine(temp, "deploy")));
    }

    [Test]
    public void A_directory_and_a_file_inside_it_have_the_directory_in_common()
    {
        var deploy = Path.Combine(temp, "deploy");
        var env = Path.Combine(temp, "deploy", "airflow", ".env");

        Assert.That(DisplayPath.CommonDirectory([env, deploy]), Is.EqualTo(deploy));
    }

    [Test]
    public void No_paths_have_no_common_directory()
    {
        Assert.That(() => DisplayPath.CommonDirectory([]), Throws.ArgumentException);
    }
}
