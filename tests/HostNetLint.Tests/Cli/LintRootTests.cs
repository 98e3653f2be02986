using HostNetLint.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Cli;

/// <summary>pre-commit passes only the changed files; the root must still reach the files they reference.</summary>
[TestFixture]
public sealed class LintRootTests
{
    [Test]
    public void A_unit_passed_alone_still_resolves_its_compose_file_elsewhere_in_the_repository()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        temp.Write("airflow/docker-compose.yaml", "services:\n  scheduler:\n    image: qubinode/airflow\n    network_mode: host\n    volumes:\n      - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n");
        temp.Write("systemd/airflow.service", "[Unit]\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n");
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };

        var exit = CliApplication.Run(["check", "systemd/airflow.service"], stdout, stderr, temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
            Assert.That(stdout.ToString(), Does.StartWith("systemd/airflow.service(2,1): error HNL2001: Unit 'airflow.service' is not ordered after libvirt"));
            Assert.That(stdout.ToString(), Does.Not.Contain("HNL0004"));
        });
    }
}
