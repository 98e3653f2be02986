using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Parsing;

namespace HostNetLint.Tests.Model;

public class DiscoveryTests
{
    [Test]
    public void Base_and_override_follow_compose_order()
    {
        using var tree = new TempTree();
        foreach (var name in new[] { "docker-compose.yaml", "docker-compose.yml", "compose.yml", "compose.yaml" })
        {
            tree.Write(name, $"services:\n  {name.Replace('.', '-')}:\n    image: x\n");
        }

        tree.Write("docker-compose.override.yml", "services:\n  o2:\n    image: x\n");
        tree.Write("compose.override.yaml", "services:\n  o1:\n    image: x\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Single().Files.Select(f => f.Document.Path), Is.EqualTo(new[] { "compose.yaml", "compose.override.yaml" }));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "compose-yaml", "o1" }));
        });
    }

    [TestCase(new[] { "compose.yml", "docker-compose.yml" }, "compose.yml")]
    [TestCase(new[] { "docker-compose.yml", "docker-compose.yaml" }, "docker-compose.yml")]
    [TestCase(new[] { "docker-compose.yaml", "podman-compose.yml" }, "docker-compose.yaml")]
    [TestCase(new[] { "podman-compose.yaml", "container-compose.yml" }, "podman-compose.yaml")]
    [TestCase(new[] { "container-compose.yaml" }, "container-compose.yaml")]
    public void First_base_name_wins(string[] present, string expected)
    {
        using var tree = new TempTree();
        foreach (var name in present)
        {
            tree.Write(name, "services:\n  s:\n    image: x\n");
        }

        Assert.That(tree.Build().ComposeProjects.Single().Files.Single().Document.Path, Is.EqualTo(expected));
    }

    [Test]
    public void Podman_override_is_used_with_a_podman_base()
    {
        using var tree = new TempTree();
        tree.Write("container-compose.yml", "services:\n  s:\n    image: x\n");
        tree.Write("container-compose.override.yaml", "services:\n  s:\n    image: y\n");
        Assert.That(tree.Service("s").Image!.Text, Is.EqualTo("y"));
    }

    [Test]
    public void Project_name_is_the_lowercased_directory_or_the_name_key()
    {
        using var tree = new TempTree();
        tree.Write("My.App/compose.yaml", "services:\n  s:\n    image: x\n");
        tree.Write("Named/compose.yaml", "name: ${PROJECT:-chosen}\nservices:\n  s:\n    image: x\n");
        var model = tree.Build();
        Assert.That(model.ComposeProjects.Select(p => p.Name), Is.EqualTo(new[] { "myapp", "chosen" }));
        Assert.That(model.Workloads.Select(w => w.GroupName), Is.EqualTo(new[] { "myapp", "chosen" }));
    }

    [Test]
    public void Compose_project_name_variable_wins_over_the_name_key()
    {
        using var tree = new TempTree();
        tree.Write("app/compose.yaml", "name: from-key\nservices:\n  s:\n    image: x\n");
        tree.Write("app/.env", "COMPOSE_PROJECT_NAME=from-env\n");
        Assert.That(tree.Build().ComposeProjects.Single().Name, Is.EqualTo("from-env"));
    }

    [Test]
    public void Skipped_and_excluded_directories_are_not_walked()
    {
        using var tree = new TempTree();
        tree.Write("node_modules/pkg/compose.yaml", "services:\n  a:\n    image: x\n");
        tree.Write("vendor/thing/compose.yaml", "services:\n  b:\n    image: x\n");
        tree.Write("deploy/compose.yaml", "services:\n  c:\n    image: x\n");
        tree.Write("deploy/test/compose.yaml", "services:\n  d:\n    image: x\n");
        var options = ModelOptions.Default with { Exclude = ["vendor/**", "**/test"] };
        var model = tree.Build(options);
        Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public void Explicit_yaml_file_with_services_is_a_project_and_others_are_not()
    {
        using var tree = new TempTree();
        tree.Write("stacks/web.yml", "services:\n  web:\n    image: nginx\n");
        tree.Write("stacks/ansible.yml", "- hosts: all\n");
        tree.Write("stacks/compose.yaml", "services:\n  dir:\n    image: x\n");
        var model = tree.Build("stacks/web.yml", "stacks/ansible.yml");
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "web" }));
            Assert.That(model.ComposeProjects.Single().Name, Is.EqualTo("stacks"));
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "stacks/web.yml", "stacks/ansible.yml" }));
        });
    }

    [Test]
    public void Explicit_compose_file_loads_its_directory_project_once()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  s:\n    image: x\n");
        tree.Write("compose.override.yaml", "services:\n  s:\n    image: y\n");
        var model = tree.Build("compose.yaml", "compose.override.yaml", ".");
        Assert.That(model.ComposeProjects.Single().Files, Has.Length.EqualTo(2));
        Assert.That(model.Workloads.Single().Image!.Text, Is.EqualTo("y"));
    }

    [Test]
    public void Directory_without_compose_files_has_no_projects()
    {
        using var tree = new TempTree();
        tree.Write("README.md", "# nothing\n");
        tree.Write("playbook.yml", "services:\n  not-compose-by-name: {}\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects, Is.Empty);
            Assert.That(model.Workloads, Is.Empty);
            Assert.That(model.Documents, Is.Empty);
        });
    }

    [Test]
    public void Malformed_file_is_reported_and_other_projects_still_load()
    {
        using var tree = new TempTree();
        tree.Write("bad/compose.yaml", "services:\n  app:\n    image: [unclosed\n");
        tree.Write("good/compose.yaml", "services:\n  ok:\n    image: x\n");
        var model = tree.Build();
        var bad = model.Documents.Single(d => d.Path == "bad/compose.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(bad.IsAnalyzable, Is.False);
            Assert.That(bad.Problems.Select(p => p.Kind), Does.Contain(ParseProblemKind.Syntax));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "ok" }));
            Assert.That(model.ComposeProjects.Select(p => p.Name), Is.EqualTo(new[] { "bad", "good" }));
            Assert.That(model.ComposeProjects[0].Files, Is.Empty);
        });
    }

    [Test]
    public void Invalid_utf8_file_is_not_analysed()
    {
        using var tree = new TempTree();
        File.WriteAllBytes(Path.Combine(tree.Root, "compose.yaml"), [0x73, 0x3A, 0xFF, 0xFE, 0x0A]);
        var model = tree.Build();
        Assert.That(model.Documents.Single().IsAnalyzable, Is.False);
        Assert.That(model.Workloads, Is.Empty);
    }

    [Test]
    public void Unreadable_file_becomes_a_document_with_a_problem()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Assert.Ignore("file permissions do not stop this user from reading");
        }

        using var tree = new TempTree();
        var path = tree.Write("compose.yaml", "services: {}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var model = tree.Build();
        var document = model.Documents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(document.IsAnalyzable, Is.False);
            Assert.That(document.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(document.Path, Is.EqualTo("compose.yaml"));
        });
    }

    [Test]
    public void Environment_option_fills_what_dot_env_does_not_set()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  s:\n    image: $A-$B\n");
        tree.Write(".env", "A=from-env-file\n");
        var options = ModelOptions.Default with { Environment = ImmutableDictionary<string, string>.Empty.Add("A", "option").Add("B", "option") };
        Assert.That(tree.Build(options).Workloads.Single().Image!.Text, Is.EqualTo("from-env-file-option"));
    }

    [Test]
    public void A_path_that_cannot_be_read_becomes_a_document_with_a_problem()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, "dir.yml"));
        var loader = new HostNetLint.Model.Loading.FileLoader(tree.Root, ModelOptions.Default);
        var document = loader.Load(Path.Combine(tree.Root, "dir.yml"), parseYaml: true);
        Assert.Multiple(() =>
        {
            Assert.That(document.Path, Is.EqualTo("dir.yml"));
            Assert.That(document.IsAnalyzable, Is.False);
            Assert.That(document.Problems.Single().Kind, Is.EqualTo(ParseProblemKind.Syntax));
            Assert.That(document.Problems.Single().Message, Does.StartWith("The file could not be read"));
            Assert.That(loader.Documents, Has.Length.EqualTo(1));
            Assert.That(loader.Load(Path.Combine(tree.Root, "dir.yml"), parseYaml: true), Is.SameAs(document));
        });
    }

    [Test]
    public void An_excluded_base_file_leaves_no_project_and_an_excluded_override_is_not_applied()
    {
        using var tree = new TempTree();
        tree.Write("a/compose.yaml", "services:\n  a:\n    image: base\n");
        tree.Write("a/compose.override.yaml", "services:\n  a:\n    image: override\n");
        tree.Write("b/compose.yaml", "services:\n  b:\n    image: base\n");
        var model = tree.Build(ModelOptions.Default with { Exclude = ["*.override.yaml", "b/compose.yaml"] });
        Assert.That(model.Workloads.Select(w => (w.Name, w.Image!.Text)), Is.EqualTo(new[] { ("a", "base") }));
    }

    [Test]
    public void Invalid_path_arguments_are_skipped()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  s:\n    image: x\n");
        Assert.That(tree.Build("bad\0path", "does-not-exist", ".").Workloads, Has.Length.EqualTo(1));
    }
}
