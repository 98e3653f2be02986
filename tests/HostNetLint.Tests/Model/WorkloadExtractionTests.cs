using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model;

public class WorkloadExtractionTests
{
    [Test]
    public void Ports_in_short_long_int_and_interpolated_forms()
    {
        using var tree = new TempTree();
        tree.Write(".env", "WEB_PORT=8443\n");
        tree.Write("compose.yaml", """
            services:
              app:
                image: x
                ports:
                  - 80
                  - "${WEB_PORT}:443"
                  - "[::1]:5353:53/udp"
                  - target: 8080
                    published: "9000-9001"
                    host_ip: 127.0.0.1
                    protocol: udp
                  - target: 22
                expose:
                  - "3000"
                  - 4000
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.Ports.Select(p => (p.HostIp, p.HostPortStart, p.HostPortEnd, p.ContainerPortStart, p.Protocol)), Is.EqualTo(new (string?, int?, int?, int?, PortProtocol)[]
            {
                (null, null, null, 80, PortProtocol.Tcp),
                (null, 8443, 8443, 443, PortProtocol.Tcp),
                ("::1", 5353, 5353, 53, PortProtocol.Udp),
                ("127.0.0.1", 9000, 9001, 8080, PortProtocol.Udp),
                (null, null, null, 22, PortProtocol.Tcp),
            }));
            Assert.That(app.Ports[1].Entry.Raw, Is.EqualTo("${WEB_PORT}:443"));
            Assert.That(app.Ports[1].Entry.Text, Is.EqualTo("8443:443"));
            Assert.That(TempTree.Position(app.Ports[3].Entry.Location), Is.EqualTo((8, 9)));
            Assert.That(app.Expose.Select(e => e.Text), Is.EqualTo(new[] { "3000", "4000" }));
        });
    }

    [Test]
    public void Mounts_short_and_long()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              app:
                image: x
                volumes:
                  - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
                  - ~/.ssh:/root/.ssh:ro,z
                  - ${HOME}/cfg:/cfg:rw
                  - data:/data
                  - /anonymous
                  - type: bind
                    source: /var/run/libvirt
                    target: /run/libvirt
                    read_only: true
                  - type: volume
                    source: named
                    target: /named
                  - 'C:\data:/data:ro'
                  - C:/win:/win
                  - v:/v:ro
            """);
        var mounts = tree.Service("app").Mounts;
        Assert.That(mounts.Select(m => (m.Source, m.Target, m.IsBind, m.ReadOnly)), Is.EqualTo(new (string?, string, bool, bool)[]
        {
            ("/var/run/libvirt/libvirt-sock", "/var/run/libvirt/libvirt-sock", true, false),
            ("~/.ssh", "/root/.ssh", true, true),
            ("/cfg", "/cfg", true, false),
            ("data", "/data", false, false),
            (null, "/anonymous", false, false),
            ("/var/run/libvirt", "/run/libvirt", true, true),
            ("named", "/named", false, false),
            ("C:\\data", "/data", true, true),
            ("C:/win", "/win", true, false),
            ("v", "/v", false, true),
        }));
    }

    [Test]
    public void Environment_list_and_mapping_forms()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              list:
                image: x
                environment:
                  - A=1
                  - "B=two words"
                  - C
              map:
                image: x
                environment:
                  A: 1
                  B: "${UNSET:-fallback}"
                  C:
            """);
        var model = tree.Build();
        var list = model.Workloads[0].Environment;
        var map = model.Workloads[1].Environment;
        Assert.Multiple(() =>
        {
            Assert.That(list.Select(e => (e.Name, e.Value?.Text)), Is.EqualTo(new (string, string?)[] { ("A", "1"), ("B", "two words"), ("C", null) }));
            Assert.That(TempTree.TextOf(list[1].Value!.Location), Is.EqualTo("two words"));
            Assert.That(TempTree.TextOf(list[1].Entry.Location), Is.EqualTo("\"B=two words\""));
            Assert.That(map.Select(e => (e.Name, e.Value?.Text)), Is.EqualTo(new (string, string?)[] { ("A", "1"), ("B", "fallback"), ("C", null) }));
            Assert.That(map[1].Value!.Raw, Is.EqualTo("${UNSET:-fallback}"));
            Assert.That(TempTree.TextOf(map[0].Entry.Location), Is.EqualTo("A: 1"));
            Assert.That(map[0].Entry.Text, Is.EqualTo("A=1"));
        });
    }

    [Test]
    public void Command_string_is_split_and_each_word_located()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              app:
                image: x
                command: sh -c 'virsh -c qemu:///system list'
                entrypoint: ["/bin/tini", "--"]
              folded:
                image: x
                command: >
                  run
                  --flag
            """);
        var model = tree.Build();
        var app = model.Workloads[0];
        var folded = model.Workloads[1];
        Assert.Multiple(() =>
        {
            Assert.That(app.Command.Select(c => c.Text), Is.EqualTo(new[] { "sh", "-c", "virsh -c qemu:///system list" }));
            Assert.That(app.Command.Select(c => TempTree.TextOf(c.Location)), Is.EqualTo(new[] { "sh", "-c", "'virsh -c qemu:///system list'" }));
            Assert.That(TempTree.Position(app.Command[1].Location), Is.EqualTo((4, 17)));
            Assert.That(app.Command[1].Site, Is.EqualTo(app.Command[1].Location));
            Assert.That(app.Entrypoint.Select(c => c.Text), Is.EqualTo(new[] { "/bin/tini", "--" }));
            Assert.That(folded.Command.Select(c => c.Text), Is.EqualTo(new[] { "run", "--flag" }));
            Assert.That(TempTree.Position(folded.Command[0].Location), Is.EqualTo((8, 14)), "not verbatim: the whole scalar");
        });
    }

    [Test]
    public void Healthcheck_test_forms()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              cmd:
                healthcheck:
                  test: ["CMD", "curl", "-f", "http://localhost"]
              shell:
                healthcheck:
                  test: ["CMD-SHELL", "curl -f http://localhost || exit 1"]
              string:
                healthcheck:
                  test: virsh list
              none:
                healthcheck:
                  test: ["NONE"]
            """);
        var model = tree.Build();
        Assert.That(model.Workloads.Select(w => string.Join('|', w.Healthcheck.Select(h => h.Text))), Is.EqualTo(new[]
        {
            "curl|-f|http://localhost",
            "curl|-f|http://localhost||||exit|1",
            "virsh|list",
            string.Empty,
        }));
    }

    [Test]
    public void Networks_name_external_host_networks()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              list:
                image: x
                networks:
                  - hostnet
                  - internal
              map:
                image: x
                networks:
                  host: {}
              plain:
                image: x
                networks: [internal]
              mode:
                image: x
                network_mode: host
            networks:
              hostnet:
                name: host
                external: true
              host:
                external: true
              internal: {}
            """);
        var model = tree.Build();
        var project = model.ComposeProjects.Single();
        Assert.Multiple(() =>
        {
            Assert.That(project.HostNetworks, Is.EqualTo(new[] { "hostnet", "host" }));
            Assert.That(model.Workloads.Select(w => w.IsHostNetwork), Is.EqualTo(new[] { true, true, false, true }));
            Assert.That(model.Workloads[0].Networks.Select(n => (n.Name.Text, n.IsHostNetwork)), Is.EqualTo(new[] { ("hostnet", true), ("internal", false) }));
            Assert.That(TempTree.Position(model.Workloads[0].NetworksKey!), Is.EqualTo((4, 5)));
            Assert.That(TempTree.Position(model.Workloads[1].Networks[0].Name.Location), Is.EqualTo((10, 7)));
            Assert.That(model.Workloads[3].NetworkMode!.Text, Is.EqualTo("host"));
            Assert.That(model.Workloads[3].NetworksKey, Is.Null);
        });
    }

    [Test]
    public void Extra_hosts_and_labels_in_both_forms()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              list:
                image: x
                extra_hosts:
                  - "host.docker.internal:host-gateway"
                labels:
                  - "a=1"
                  - b
              map:
                image: x
                extra_hosts:
                  libvirt: 192.168.122.1
                labels:
                  a: "1"
            """);
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads[0].ExtraHosts.Select(h => h.Text), Is.EqualTo(new[] { "host.docker.internal:host-gateway" }));
            Assert.That(model.Workloads[1].ExtraHosts.Select(h => h.Text), Is.EqualTo(new[] { "libvirt:192.168.122.1" }));
            Assert.That(model.Workloads[0].Labels.Select(l => (l.Name, l.Value.Text)), Is.EqualTo(new[] { ("a", "1"), ("b", string.Empty) }));
            Assert.That(model.Workloads[1].Labels.Select(l => (l.Name, l.Value.Text)), Is.EqualTo(new[] { ("a", "1") }));
        });
    }

    [Test]
    public void Service_without_body_is_still_a_workload()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  empty:\n  scalar: oops\n");
        var model = tree.Build();
        Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "empty" }));
    }
}
