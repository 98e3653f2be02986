using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model;

public class OverrideTests
{
    [Test]
    public void Override_file_merges_with_compose_rules()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              app:
                image: app:1
                command: ["serve", "--base"]
                ports:
                  - "8080:80"
                environment:
                  A: "1"
                  B: "2"
                volumes:
                  - ./data:/data
                  - logs:/logs
            """);
        tree.Write("compose.override.yml", """
            services:
              app:
                image: app:2
                command: serve --override
                ports:
                  - "8080:80"
                  - "9090:90"
                environment:
                  - B=override
                  - C=3
                volumes:
                  - ./other:/data
              extra:
                image: extra
            """);
        var model = tree.Build();
        var app = model.Workloads.Single(w => w.Name == "app");
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Single().Files.Select(f => f.Document.Path), Is.EqualTo(new[] { "compose.yaml", "compose.override.yml" }));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "app", "extra" }));
            Assert.That(app.Location.Path, Is.EqualTo("compose.yaml"));
            Assert.That(app.Image!.Text, Is.EqualTo("app:2"));
            Assert.That(app.Image.Location.Path, Is.EqualTo("compose.override.yml"));
            Assert.That(app.Command.Select(c => c.Text), Is.EqualTo(new[] { "serve", "--override" }));
            Assert.That(app.Ports.Select(p => p.Entry.Text), Is.EqualTo(new[] { "8080:80", "9090:90" }));
            Assert.That(app.Environment.Select(e => $"{e.Name}={e.Value?.Text}"), Is.EqualTo(new[] { "A=1", "B=override", "C=3" }));
            Assert.That(app.Mounts.Select(m => $"{m.Source}>{m.Target}"), Is.EqualTo(new[] { "./other>/data", "logs>/logs" }));
            Assert.That(app.Mounts[0].IsBind, Is.True);
            Assert.That(app.Mounts[1].IsBind, Is.False);
            Assert.That(model.Workloads.Single(w => w.Name == "extra").Location.Path, Is.EqualTo("compose.override.yml"));
        });
    }

    [Test]
    public void Reset_removes_and_override_replaces()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              app:
                image: app
                network_mode: host
                ports:
                  - "8080:80"
                environment:
                  A: "1"
            """);
        tree.Write("compose.override.yaml", """
            services:
              app:
                network_mode: !reset null
                ports: !override
                  - "9090:90"
                environment: !reset {}
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.NetworkMode, Is.Null);
            Assert.That(app.Ports.Select(p => p.Entry.Text), Is.EqualTo(new[] { "9090:90" }));
            Assert.That(app.Environment, Is.Empty);
        });
    }

    [Test]
    public void Reset_in_the_base_file_does_not_swallow_a_later_overrides_value()
    {
        // compose-go applies a file's !reset to what was merged before it and to the file itself, then merges the
        // next file: the override's values survive (loader.go: processor.Apply(dict) before override.Merge(dict, cfg)).
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              app:
                image: app
                network_mode: !reset null
                ports: !reset []
                environment: !reset {}
                labels: !reset []
            """);
        tree.Write("compose.override.yaml", """
            services:
              app:
                network_mode: host
                ports:
                  - "9090:90"
                environment:
                  A: "1"
                labels:
                  - tier=back
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.NetworkMode?.Text, Is.EqualTo("host"));
            Assert.That(app.IsHostNetwork, Is.True);
            Assert.That(app.Ports.Select(p => p.Entry.Text), Is.EqualTo(new[] { "9090:90" }));
            Assert.That(TempTree.Position(app.Ports[0].Entry.Location), Is.EqualTo((5, 9)));
            Assert.That(app.Ports[0].Entry.Location.Path, Is.EqualTo("compose.override.yaml"));
            Assert.That(app.Environment.Select(e => e.Name), Is.EqualTo(new[] { "A" }));
            Assert.That(app.Labels.Select(l => l.Name), Is.EqualTo(new[] { "tier" }));
        });
    }

    [Test]
    public void Reset_in_a_middle_file_removes_the_base_value_and_keeps_the_last_files()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  app:\n    image: app\n    ports: [\"80:80\"]\n");
        tree.Write("reset.yaml", "services:\n  app:\n    ports: !reset []\n");
        tree.Write("last.yaml", "services:\n  app:\n    ports: [\"81:81\"]\n");
        tree.Write("app.service", "[Service]\nExecStart=/usr/bin/docker compose -f /srv/compose.yaml -f /srv/reset.yaml -f /srv/last.yaml up\n");
        var app = tree.Build("app.service").Workloads.Single(w => w.Name == "app");
        Assert.That(app.Ports.Select(p => p.Entry.Text), Is.EqualTo(new[] { "81:81" }));
    }

    [Test]
    public void Reset_in_the_same_file_removes_a_merged_value()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            x-common: &common
              image: base
              ports:
                - "80:80"
            services:
              app:
                <<: *common
                ports: !reset []
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.Image!.Text, Is.EqualTo("base"));
            Assert.That(app.Ports, Is.Empty);
            Assert.That(app.PortsKey, Is.Null);
        });
    }

    [Test]
    public void Reset_of_one_variable_works_on_both_environment_forms()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              map:
                environment:
                  FOO: bar
                  KEEP: "1"
              list:
                environment:
                  - FOO=bar
                  - KEEP=1
            """);
        tree.Write("compose.override.yaml", """
            services:
              map:
                environment:
                  FOO: !reset null
              list:
                environment:
                  FOO: !reset null
            """);
        var model = tree.Build();
        Assert.That(model.Workloads.Select(w => string.Join(',', w.Environment.Select(e => e.Name))), Is.EqualTo(new[] { "KEEP", "KEEP" }));
    }

    [Test]
    public void Ports_merge_by_address_published_target_and_protocol()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              s:
                ports:
                  - "8080:80"
                  - "53:53/udp"
                  - "${P}:90"
            """);
        tree.Write("compose.override.yaml", """
            services:
              s:
                ports:
                  - target: 80
                    published: 8080
                  - "53:53"
                  - "${Q}:90"
            """);
        tree.Write(".env", "P=7000\nQ=7001\n");
        var ports = tree.Service("s").Ports;
        Assert.Multiple(() =>
        {
            Assert.That(ports.Select(p => (p.HostPortStart, p.ContainerPortStart, p.Protocol)), Is.EqualTo(new (int?, int?, PortProtocol)[]
            {
                (8080, 80, PortProtocol.Tcp),
                (53, 53, PortProtocol.Udp),
                (7000, 90, PortProtocol.Tcp),
                (53, 53, PortProtocol.Tcp),
                (7001, 90, PortProtocol.Tcp),
            }));
            Assert.That(ports[0].Entry.Location.Path, Is.EqualTo("compose.override.yaml"), "the later file's entry replaces the same port");
        });
    }

    [Test]
    public void Files_are_interpolated_before_merging_so_equal_ports_merge()
    {
        using var tree = new TempTree();
        tree.Write(".env", "WEB=8080\n");
        tree.Write("compose.yaml", "services:\n  s:\n    ports:\n      - \"${WEB}:80\"\n");
        tree.Write("compose.override.yaml", "services:\n  s:\n    ports:\n      - \"8080:80\"\n");
        var port = tree.Service("s").Ports.Single();
        Assert.That(port.Entry.Location.Path, Is.EqualTo("compose.override.yaml"));
    }
}
