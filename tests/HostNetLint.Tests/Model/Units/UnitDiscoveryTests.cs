using HostNetLint.Model;
using HostNetLint.Model.Units;

namespace HostNetLint.Tests.Model.Units;

public class UnitDiscoveryTests
{
    [Test]
    public void DBus_and_networkd_look_alikes_are_skipped_silently()
    {
        using var tree = new TempTree();
        tree.Write("dbus/org.example.Foo.service", "[D-BUS Service]\nName=org.example.Foo\nExec=/usr/bin/podman run --network host x\n");
        tree.Write("networkd/10-eth.network", "[Match]\nName=eth0\n\n[Network]\nDHCP=yes\n");
        var model = tree.Build();

        Assert.Multiple(() =>
        {
            Assert.That(model.Units, Is.Empty);
            Assert.That(model.Documents, Is.Empty);
            Assert.That(model.Problems, Is.Empty);
            Assert.That(model.Workloads, Is.Empty);
        });
    }

    [Test]
    public void A_Debian_style_unit_is_a_unit_without_workloads()
    {
        using var tree = new TempTree();
        tree.Write("lib/systemd/system/ssh.service", """
            [Unit]
            Description=OpenBSD Secure Shell server
            After=network.target auditd.service

            [Service]
            EnvironmentFile=-/etc/default/ssh
            ExecStartPre=/usr/sbin/sshd -t
            ExecStart=/usr/sbin/sshd -D $SSHD_OPTS
            ExecReload=/bin/kill -HUP $MAINPID

            [Install]
            WantedBy=multi-user.target
            """);
        var model = tree.Build();

        var unit = model.Units.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unit.Kind, Is.EqualTo(ServiceUnitKind.Service));
            Assert.That(unit.Workloads, Is.Empty);
            Assert.That(unit.IsResolved, Is.True);
            Assert.That(unit.Document.IsAnalyzable, Is.True);
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [Test]
    public void A_malformed_unit_does_not_stop_other_files()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("a-broken.service", "[Service\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\nthis is not an assignment\n");
        tree.Write("b-airflow.service", UnitFixtures.AdrUnit);
        tree.Write("c-bad.container", "[Container\nImage=x\nNetwork=host\n");
        tree.Write("b-airflow.service.d/bad.conf", "[Service\nExecStart=\n");
        var model = tree.Build();

        var broken = model.Documents.Single(d => d.Path == "a-broken.service");
        Assert.Multiple(() =>
        {
            Assert.That(broken.Problems, Is.Not.Empty);
            Assert.That(broken.IsAnalyzable, Is.False);
            Assert.That(model.Units.Single(u => u.Name == "a-broken.service").Workloads, Is.Empty);
            Assert.That(model.Units.Single(u => u.Name == "c-bad.container").Workloads, Is.Empty);
            Assert.That(model.Units.Single(u => u.Name == "b-airflow.service").Workloads, Has.Length.EqualTo(4));
            Assert.That(model.Workloads, Has.Length.EqualTo(4));
            Assert.That(model.Units.Single(u => u.Name == "b-airflow.service").Definition.DropIns, Is.Empty);
            Assert.That(model.Documents.Single(d => d.Path == "b-airflow.service.d/bad.conf").IsAnalyzable, Is.False);
        });
    }

    [Test]
    public void Excluded_units_are_not_read()
    {
        using var tree = new TempTree();
        tree.Write("skip/x.service", UnitFixtures.AdrUnit);
        tree.Write("y.container", "[Container]\nImage=x\n");
        var model = tree.Build(ModelOptions.Default with { Exclude = ["skip/**"] });

        Assert.That(model.Units.Select(u => u.Name), Is.EqualTo(new[] { "y.container" }));
    }
}
