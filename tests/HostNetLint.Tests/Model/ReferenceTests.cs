using HostNetLint.Model;

namespace HostNetLint.Tests.Model;

public class ReferenceTests
{
    [Test]
    public void Extends_in_the_same_file_enters_at_the_extends_key()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              base:
                image: base
                network_mode: host
                command: base
              app:
                extends: base
                command: app
            """);
        var app = tree.Service("app");
        Assert.Multiple(() =>
        {
            Assert.That(app.Image!.Text, Is.EqualTo("base"));
            Assert.That(app.IsHostNetwork, Is.True);
            Assert.That(TempTree.Position(app.NetworkMode!.Location), Is.EqualTo((4, 19)));
            Assert.That(TempTree.Position(app.NetworkMode.Site), Is.EqualTo((7, 5)));
            Assert.That(TempTree.TextOf(app.NetworkMode.Site), Is.EqualTo("extends"));
            Assert.That(app.Command.Select(c => c.Text), Is.EqualTo(new[] { "app" }));
            Assert.That(app.Command[0].IsInherited, Is.False);
            Assert.That(TempTree.Position(app.Location), Is.EqualTo((6, 3)));
        });
    }

    [Test]
    public void Extends_from_another_file_and_chains()
    {
        using var tree = new TempTree();
        tree.Write("common/base.yml", """
            services:
              root:
                image: root
                volumes:
                  - /var/run/libvirt:/var/run/libvirt
              web:
                extends: root
                ports: ["80:80"]
            """);
        tree.Write("app/compose.yaml", """
            services:
              app:
                extends:
                  file: ../common/base.yml
                  service: web
                image: mine
            """);
        var model = tree.Build("app");
        var app = model.Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems, Is.Empty);
            Assert.That(app.Image!.Text, Is.EqualTo("mine"));
            Assert.That(app.Ports.Single().HostPortStart, Is.EqualTo(80));
            Assert.That(app.Ports[0].Entry.Location.Path, Is.EqualTo("common/base.yml"));
            Assert.That(TempTree.Position(app.Ports[0].Entry.Site), Is.EqualTo((3, 5)));
            Assert.That(app.Ports[0].Entry.Site.Path, Is.EqualTo("app/compose.yaml"));
            Assert.That(app.Mounts.Single().Source, Is.EqualTo("/var/run/libvirt"));
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "app/compose.yaml", "common/base.yml" }));
        });
    }

    [Test]
    public void Extends_cycles_end()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              a:
                extends: b
                image: a
              b:
                extends: a
                command: b
            """);
        var model = tree.Build();
        Assert.That(model.Workloads.Select(w => w.Image?.Text), Is.EqualTo(new[] { "a", "a" }));
    }

    [Test]
    public void Include_adds_services_in_string_list_and_long_form()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            include:
              - db/compose.yaml
              - path: cache.yml
            services:
              app:
                image: app
            """);
        tree.Write("db/compose.yaml", """
            services:
              db:
                image: postgres
                network_mode: host
            """);
        tree.Write("cache.yml", """
            include: compose.yaml
            services:
              cache:
                image: redis
            """);
        var model = tree.Build(string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems, Is.Empty);
            Assert.That(model.ComposeProjects, Has.Length.EqualTo(2), "root project and db's own project");
            var root = model.ComposeProjects[0];
            Assert.That(root.Services.Select(s => s.Name), Is.EqualTo(new[] { "app", "db", "cache" }));
            Assert.That(root.Files.Select(f => f.Document.Path), Is.EqualTo(new[] { "compose.yaml", "db/compose.yaml", "cache.yml" }));
            Assert.That(root.Services[1].Location.Path, Is.EqualTo("db/compose.yaml"));
            Assert.That(root.Services[1].IsHostNetwork, Is.True);
            Assert.That(model.Documents.Select(d => d.Path), Is.Unique, "a file read by two projects is one document");
        });
    }

    [Test]
    public void Missing_and_outside_root_references_are_problems_at_the_reference()
    {
        using var tree = new TempTree();
        tree.Write("outside.yml", "services:\n  x:\n    image: x\n");
        tree.Write("proj/compose.yaml", """
            include:
              - missing.yml
              - ../outside.yml
            services:
              app:
                extends:
                  file: ../outside.yml
                  service: x
                image: app
            """);
        var model = DeploymentModelBuilder.Build(Path.Combine(tree.Root, "proj"), [], ModelOptions.Default);
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems.Select(p => p.Kind), Is.EqualTo(new[] { ModelProblemKind.ReferenceOutsideRoot, ModelProblemKind.ReferenceMissing, ModelProblemKind.ReferenceOutsideRoot }));
            var outsideExtends = model.Problems[0];
            Assert.That(outsideExtends.Location.Path, Is.EqualTo("compose.yaml"));
            Assert.That(TempTree.Position(outsideExtends.Location), Is.EqualTo((7, 13)));
            Assert.That(TempTree.TextOf(outsideExtends.Location), Is.EqualTo("../outside.yml"));
            Assert.That(TempTree.Position(model.Problems[1].Location), Is.EqualTo((2, 5)));
            Assert.That(TempTree.TextOf(model.Problems[1].Location), Is.EqualTo("missing.yml"));
            Assert.That(TempTree.Position(model.Problems[2].Location), Is.EqualTo((3, 5)));
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "compose.yaml" }), "nothing outside the root is read");
            Assert.That(model.Workloads.Single().Image!.Text, Is.EqualTo("app"));
        });
    }

    [Test]
    public void Include_cycles_end()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "include: [other.yml]\nservices:\n  a:\n    image: a\n");
        tree.Write("other.yml", "include: [compose.yaml]\nservices:\n  b:\n    image: b\n");
        var model = tree.Build();
        Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Env_files_are_checked_relative_to_their_file()
    {
        using var tree = new TempTree();
        tree.Write("app/present.env", "A=1\n");
        tree.Write("app/compose.yaml", """
            services:
              app:
                image: x
                env_file:
                  - present.env
                  - absent.env
                  - path: optional.env
                    required: false
                  - ../../elsewhere.env
            """);
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems.Select(p => (p.Kind, TempTree.Position(p.Location), TempTree.TextOf(p.Location))), Is.EqualTo(new[]
            {
                (ModelProblemKind.ReferenceMissing, (6, 9), "absent.env"),
                (ModelProblemKind.ReferenceOutsideRoot, (9, 9), "../../elsewhere.env"),
            }));
            Assert.That(model.Problems[0].Location.Path, Is.EqualTo("app/compose.yaml"));
        });
    }

    [Test]
    public void Volumes_merge_by_target_even_with_interpolated_sources()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  s:\n    volumes:\n      - ${DATA:-/srv/data}:/data\n      - /logs:/logs\n");
        tree.Write("compose.override.yml", "services:\n  s:\n    volumes:\n      - ${OTHER:-/srv/other}:/data:ro\n");
        var mounts = tree.Service("s").Mounts;
        Assert.That(mounts.Select(m => (m.Source, m.Target, m.ReadOnly)), Is.EqualTo(new (string?, string, bool)[] { ("/srv/other", "/data", true), ("/logs", "/logs", false) }));
    }

    [Test]
    public void Remote_includes_are_neither_read_nor_reported()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            include:
              - oci://docker.io/example/app:latest
              - git@github.com:example/repo.git
              - https://github.com/example/repo.git#main:compose.yaml
            services:
              s:
                image: x
            """);
        var model = tree.Build();
        Assert.That(model.Problems, Is.Empty);
        Assert.That(model.Workloads, Has.Length.EqualTo(1));
    }

    [Test]
    public void Included_files_use_the_env_file_of_their_own_directory()
    {
        using var tree = new TempTree();
        tree.Write(".env", "IMAGE=root-image\n");
        tree.Write("compose.yaml", "include: [db/compose.yaml]\nservices:\n  app:\n    image: ${IMAGE}\n");
        tree.Write("db/.env", "IMAGE=db-image\n");
        tree.Write("db/compose.yaml", "services:\n  db:\n    image: ${IMAGE}\n");
        var root = tree.Build().ComposeProjects[0];
        Assert.That(root.Services.Select(s => s.Image!.Text), Is.EqualTo(new[] { "root-image", "db-image" }));
    }

    [Test]
    public void A_symbolic_link_that_leads_out_of_the_root_is_not_followed()
    {
        using var outside = new TempTree();
        outside.Write("secret.yml", "services:\n  x:\n    image: x\n");
        using var tree = new TempTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "link.yml"), Path.Combine(outside.Root, "secret.yml"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "linked-dir"), outside.Root);
        outside.Write("compose.yaml", "services:\n  y:\n    image: y\n");
        tree.Write("compose.yaml", "include: [link.yml]\nservices:\n  app:\n    image: app\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems.Single().Kind, Is.EqualTo(ModelProblemKind.ReferenceOutsideRoot));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "app" }));
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "compose.yaml" }));
        });
    }
}
