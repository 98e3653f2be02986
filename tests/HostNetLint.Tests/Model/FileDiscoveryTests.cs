using System.Collections.Immutable;
using HostNetLint.Model;
using HostNetLint.Model.Discovery;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Model;

/// <summary>Which files a directory walk lints, as which run, and why (issue 18).</summary>
public class FileDiscoveryTests
{
    private const string Complete = "services:\n  web:\n    image: nginx\n";

    [TestCase("compose.prod.yaml")]
    [TestCase("compose.dev.yml")]
    [TestCase("docker-compose.test.yml")]
    [TestCase("docker-compose.libvirt.yaml")]
    [TestCase("podman-compose.ci.yml")]
    [TestCase("container-compose.edge.yaml")]
    [TestCase("web.compose.yaml")]
    [TestCase("monitoring.compose.yml")]
    public void A_compose_like_name_without_a_base_is_a_run_of_its_own(string name)
    {
        using var tree = new TempTree();
        tree.Write($"stack/{name}", Complete);
        var model = tree.Build();
        var record = model.Discovery.Single();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Single().Files.Single().Document.Path, Is.EqualTo($"stack/{name}"));
            Assert.That(model.ComposeProjects.Single().VariantOf, Is.Null);
            Assert.That(record, Is.EqualTo(new FileDiscovery($"stack/{name}", "stack", DiscoveryReason.ComposeLikeName, "compose-like name, run on its own")));
        });
    }

    [TestCase("composer.yml")]
    [TestCase("docker-compose-prod.yml")]
    [TestCase("compose.yaml.bak")]
    [TestCase(".compose.yaml")]
    public void Other_names_are_not_compose_like(string name)
    {
        // Without services these are not compose by their content either; only the name could have taken them.
        using var tree = new TempTree();
        tree.Write(name, "networks:\n  default: {}\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects, Is.Empty);
            Assert.That(model.Documents, Is.Empty);
        });
    }

    [TestCase("virt-manager.yml", "services:\n  vm:\n    image: virt\n", "service 'vm' has image:")]
    [TestCase("docker-compose-kvm.yaml", "services:\n  app:\n    build: .\n", "service 'app' has build:")]
    [TestCase("stack.yml", "x-base: &base\n  image: x\nservices:\n  web:\n    <<: *base\n", "service 'web' has image:")]
    [TestCase("stack.yml", "services:\n  web:\n    extends: base\n  base:\n    build: .\n", "service 'base' has build:")]
    public void Any_yaml_whose_services_have_an_image_or_build_is_sniffed_as_compose(string name, string text, string rule)
    {
        using var tree = new TempTree();
        tree.Write(name, text);
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Single().Files.Single().Document.Path, Is.EqualTo(name));
            Assert.That(model.Discovery.Single(), Is.EqualTo(new FileDiscovery(name, tree.ProjectName, DiscoveryReason.SniffedServices, $"YAML with services: ({rule}), run on its own")));
        });
    }

    [TestCase("group_vars/all.yml", "services:\n  web:\n    port: 80\n    enabled: true\n", "YAML with services:, but no service has image: or build:")]
    [TestCase(".gitlab-ci.yml", "services:\n  - docker:dind\nbuild:\n  image: docker\n", "its top-level services: is not a mapping")]
    [TestCase("k8s/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n", "no top-level services: key")]
    [TestCase(".github/workflows/ci.yml", "jobs:\n  test:\n    services:\n      db:\n        image: postgres\n", "no top-level services: key")]
    [TestCase("broken.yml", "services:\n  web: [unclosed\n", "not valid YAML")]
    public void Yaml_that_is_not_compose_is_seen_but_not_read_as_a_document(string path, string text, string reason)
    {
        using var tree = new TempTree();
        tree.Write(path, text);
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects, Is.Empty);
            Assert.That(model.Documents, Is.Empty, "a file that is not compose is no document: no syntax or duplicate-key finding on it");
            Assert.That(Lint.Directory(tree.Root), Is.Empty);
            var record = model.Discovery.Single();
            Assert.That((record.Path, record.Project, record.Reason, record.IsLinted), Is.EqualTo((path, (string?)null, DiscoveryReason.NotLinted, false)));
            Assert.That(record.Detail, Does.StartWith(reason));
        });
    }

    [Test]
    public void A_large_yaml_file_without_a_compose_name_is_not_opened()
    {
        using var tree = new TempTree();
        tree.Write("data.yml", "services:\n  web:\n    image: x\n" + new string('#', (int)ComposeSniffer.MaxSniffedLength));
        tree.Write("docker-compose.big.yml", "services:\n  big:\n    image: x\n" + new string('#', (int)ComposeSniffer.MaxSniffedLength));
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Discovery.Single(r => r.Path == "data.yml").Detail, Is.EqualTo("larger than 1024 KiB or unreadable, so not sniffed"));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "big" }), "a compose-like name is read whatever its size (up to the parser's limit)");
        });
    }

    [Test]
    public void A_variant_beside_its_base_runs_over_it_as_a_run_of_its_own()
    {
        using var tree = new TempTree();
        tree.Write("app/docker-compose.yml", "services:\n  web:\n    image: web:1\n  db:\n    image: postgres\n");
        tree.Write("app/docker-compose.override.yml", "services:\n  web:\n    image: web:dev\n");
        tree.Write("app/docker-compose.prod.yml", "services:\n  web:\n    image: web:prod\n");
        var model = tree.Build();
        var (baseRun, variant) = (model.ComposeProjects[0], model.ComposeProjects[1]);
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects, Has.Length.EqualTo(2));
            Assert.That(Paths(baseRun), Is.EqualTo(new[] { "app/docker-compose.yml", "app/docker-compose.override.yml" }));
            Assert.That(Paths(variant), Is.EqualTo(new[] { "app/docker-compose.yml", "app/docker-compose.prod.yml" }), "-f replaces the override, as compose does");
            Assert.That(variant.VariantOf, Is.SameAs(baseRun));
            Assert.That(baseRun.VariantOf, Is.Null);
            Assert.That(variant.Services.Select(s => $"{s.Name}={s.Image!.Text}"), Is.EqualTo(new[] { "web=web:prod", "db=postgres" }));
            Assert.That(variant.Services.Select(s => s.GroupName).Distinct(), Is.EqualTo(new[] { "app" }));
            Assert.That(variant.Services[0].Declarations.Select(TempTree.Position), Is.EqualTo(new[] { (2, 3), (2, 3) }));
            Assert.That(variant.Services[0].Declarations.Select(d => d.Path), Is.EqualTo(new[] { "app/docker-compose.yml", "app/docker-compose.prod.yml" }));
            Assert.That(model.Discovery.Select(r => (r.Path, r.Reason, r.Detail)), Is.EqualTo(new[]
            {
                ("app/docker-compose.override.yml", DiscoveryReason.DefaultName, "default override file name"),
                ("app/docker-compose.prod.yml", DiscoveryReason.Variant, "variant of docker-compose.yml, run as -f docker-compose.yml -f docker-compose.prod.yml (compose-like name)"),
                ("app/docker-compose.yml", DiscoveryReason.DefaultName, "default compose file name"),
            }));
        });
    }

    [Test]
    public void A_yaml_file_whose_services_need_the_base_is_a_variant_whatever_its_name()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  web:\n    image: web\n");
        tree.Write("libvirt.yml", "services:\n  web:\n    volumes: [/run/libvirt:/run/libvirt]\n  agent:\n    image: agent\n");
        tree.Write("tools.yml", "services:\n  shell:\n    image: busybox\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Select(p => string.Join('+', Paths(p))), Is.EqualTo(new[] { "compose.yaml", "compose.yaml+libvirt.yml", "tools.yml" }));
            Assert.That(model.Discovery.Single(r => r.Path == "libvirt.yml").Detail, Does.EndWith("(YAML with services: (service 'agent' has image:))"));
            Assert.That(model.Discovery.Single(r => r.Path == "tools.yml").Reason, Is.EqualTo(DiscoveryReason.SniffedServices), "it stands on its own, so it is its own run");
        });
    }

    [Test]
    public void A_variant_that_cannot_stand_on_its_own_is_never_linted_alone()
    {
        using var tree = new TempTree();
        tree.Write("lonely/docker-compose.prod.yml", "services:\n  web:\n    environment: [MODE=prod]\n");
        tree.Write("orphan/compose.yaml", "services:\n  web:\n    image: web\n");
        tree.Write("orphan/compose.prod.yaml", "services:\n  worker:\n    command: work\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Select(p => string.Join('+', Paths(p))), Is.EqualTo(new[] { "orphan/compose.yaml" }));
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "orphan/compose.yaml" }));
            Assert.That(model.Discovery.Where(r => !r.IsLinted).Select(r => (r.Path, r.Detail)), Is.EqualTo(new[]
            {
                ("lonely/docker-compose.prod.yml", "service 'web' has no image:, build: or extends:, and no base file beside it gives one"),
                ("orphan/compose.prod.yaml", "service 'worker' has no image:, build: or extends:, neither here nor in orphan/compose.yaml"),
            }));
        });
    }

    [Test]
    public void A_file_another_compose_file_includes_or_extends_is_part_of_that_run_only()
    {
        using var tree = new TempTree();
        tree.Write("a-common/base.yml", "services:\n  shared:\n    image: shared\n");
        tree.Write("b-app/compose.yaml", "services:\n  app:\n    extends:\n      file: ../a-common/base.yml\n      service: shared\n");
        tree.Write("c-site/compose.yaml", "include: [db.compose.yaml]\nservices:\n  site:\n    image: site\n");
        tree.Write("c-site/db.compose.yaml", "services:\n  db:\n    image: postgres\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Select(p => p.Name), Is.EqualTo(new[] { "b-app", "c-site" }));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "app", "site", "db" }));
            Assert.That(model.Discovery.Where(r => r.Path is "a-common/base.yml" or "c-site/db.compose.yaml"), Is.EqualTo(new[]
            {
                new FileDiscovery("a-common/base.yml", "b-app", DiscoveryReason.Extends, "extended by b-app/compose.yaml (extends: file:)"),
                new FileDiscovery("c-site/db.compose.yaml", "c-site", DiscoveryReason.Include, "included by c-site/compose.yaml"),
            }));
        });
    }

    [Test]
    public void Compose_file_in_dot_env_is_the_stack_and_other_variants_run_over_its_first_file()
    {
        using var tree = new TempTree();
        tree.Write(".env", "COMPOSE_FILE=compose.yaml:compose.ci.yaml\n");
        tree.Write("compose.yaml", Complete);
        tree.Write("compose.ci.yaml", "services:\n  web:\n    environment: [CI=1]\n");
        tree.Write("compose.dev.yaml", "services:\n  web:\n    environment: [DEV=1]\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Select(p => string.Join('+', Paths(p))), Is.EqualTo(new[] { "compose.yaml+compose.ci.yaml", "compose.yaml+compose.dev.yaml" }));
            Assert.That(model.ComposeProjects[1].VariantOf, Is.SameAs(model.ComposeProjects[0]));
            Assert.That(model.Discovery.Where(r => r.Reason == DiscoveryReason.ComposeFileVariable).Select(r => (r.Path, r.Detail)), Is.EqualTo(new[]
            {
                ("compose.ci.yaml", "COMPOSE_FILE in .env"),
                ("compose.yaml", "COMPOSE_FILE in .env"),
            }));
            Assert.That(model.Discovery.Single(r => r.Path == ".env").Reason, Is.EqualTo(DiscoveryReason.ProjectEnvFile));
        });
    }

    [Test]
    public void Declared_projects_replace_the_guessed_runs_of_their_files()
    {
        using var tree = new TempTree();
        tree.Write("deploy/compose.yaml", "services:\n  web:\n    image: web:${TAG}\n  debug:\n    image: busybox\n    profiles: [debug]\n");
        tree.Write("deploy/compose.prod.yaml", "services:\n  web:\n    environment: [MODE=prod]\n");
        tree.Write("deploy/compose.dev.yaml", "services:\n  web:\n    environment: [MODE=dev]\n");
        tree.Write("deploy/.env", "TAG=from-dot-env\n");
        tree.Write("env/prod.env", "TAG=1.0\n");
        tree.Write("env/prod-extra.env", "TAG=1.1\n");
        var options = ModelOptions.Default with
        {
            Projects = [new DeclaredProject("prod", ["deploy/compose.yaml", "deploy/compose.prod.yaml"]) { EnvFiles = ["env/prod.env", "env/prod-extra.env"], Profiles = ["debug"] }],
        };
        var model = tree.Build(options);
        var prod = model.ComposeProjects.Single();
        Assert.Multiple(() =>
        {
            Assert.That(prod.Name, Is.EqualTo("prod"));
            Assert.That(Paths(prod), Is.EqualTo(new[] { "deploy/compose.yaml", "deploy/compose.prod.yaml" }));
            Assert.That(prod.Services.Select(s => (s.Name, s.Image!.Text, s.IsProfileActive)), Is.EqualTo(new[] { ("web", "web:1.1", true), ("debug", "busybox", true) }));
            Assert.That(prod.Services[0].Environment.Select(e => e.Entry.Text), Is.EqualTo(new[] { "MODE=prod" }));
            Assert.That(model.Discovery.Select(r => (r.Path, r.Project, r.Reason)), Is.EqualTo(new[]
            {
                ("deploy/.env", (string?)null, DiscoveryReason.ProjectEnvFile),
                ("deploy/compose.dev.yaml", null, DiscoveryReason.NotLinted),
                ("deploy/compose.prod.yaml", "prod", DiscoveryReason.DeclaredProject),
                ("deploy/compose.yaml", "prod", DiscoveryReason.DeclaredProject),
                ("env/prod-extra.env", "prod", DiscoveryReason.EnvFile),
                ("env/prod.env", "prod", DiscoveryReason.EnvFile),
            }));
            Assert.That(model.Discovery[0].Detail, Is.EqualTo("a directory's .env, read for its COMPOSE_FILE"));
            Assert.That(model.Discovery[1].Detail, Is.EqualTo("its base deploy/compose.yaml is in projects:, which replaces the guessed runs"));
        });
    }

    [Test]
    public void A_declared_file_that_does_not_exist_is_recorded_and_the_rest_still_runs()
    {
        using var tree = new TempTree();
        tree.Write("stack/base.yml", Complete);
        var options = ModelOptions.Default with { Projects = [new DeclaredProject("site", ["stack/base.yml", "stack/gone.yml"])] };
        var model = tree.Build(options);
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Single().Name, Is.EqualTo("site"));
            Assert.That(model.Discovery.Single(r => !r.IsLinted), Is.EqualTo(new FileDiscovery("stack/gone.yml", null, DiscoveryReason.NotLinted, "named by projects: 'site', but it does not exist")));
        });
    }

    [Test]
    public void Naming_a_variant_runs_it_over_its_base_without_the_bases_own_run()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", Complete);
        tree.Write("compose.prod.yaml", "services:\n  web:\n    environment: [MODE=prod]\n");
        var model = tree.Build("compose.prod.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(model.ComposeProjects.Select(p => string.Join('+', Paths(p))), Is.EqualTo(new[] { "compose.yaml+compose.prod.yaml" }));
            Assert.That(model.ComposeProjects[0].VariantOf, Is.Null, "the base's own run is not part of this model");
        });
    }

    [Test]
    public void A_variants_run_joins_container_names_inside_itself_and_does_not_make_them_ambiguous()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  vpn:\n    image: vpn\n    container_name: vpn\n  app:\n    image: app\n    network_mode: container:vpn\n");
        tree.Write("compose.host.yaml", "services:\n  vpn:\n    network_mode: host\n");
        tree.Write("agent.service", "[Service]\nExecStart=/usr/bin/podman run --network container:vpn agent\n");
        var model = tree.Build();
        var (baseRun, variant) = (model.ComposeProjects[0], model.ComposeProjects[1]);
        var agent = model.Workloads.Single(w => w.Kind == HostNetLint.Model.Workloads.WorkloadKind.PodmanRun);
        Assert.Multiple(() =>
        {
            Assert.That(baseRun.Services[1].Namespace.Owner, Is.SameAs(baseRun.Services[0]));
            Assert.That(variant.Services[1].Namespace.Owner, Is.SameAs(variant.Services[0]));
            Assert.That(variant.Services[1].IsHostNetwork, Is.True);
            Assert.That(baseRun.Services[1].IsHostNetwork, Is.False);
            Assert.That(agent.Namespace.Owner, Is.SameAs(baseRun.Services[0]), "the base's run stands for its variants outside them");
        });
    }

    [Test]
    public void Each_file_is_read_once_and_a_sniffed_document_is_reused()
    {
        using var tree = new TempTree();
        tree.Write("stack.yml", Complete);
        var model = tree.Build();
        var document = model.Documents.Single();
        Assert.Multiple(() =>
        {
            Assert.That(document.Path, Is.EqualTo("stack.yml"));
            Assert.That(model.ComposeProjects.Single().Files.Single().Document, Is.SameAs(document));
        });
    }

    [Test]
    public void Units_their_env_files_and_the_runs_they_start_are_recorded()
    {
        using var tree = new TempTree();
        tree.Write("app/compose.yaml", Complete);
        tree.Write("app/web.env", "MODE=1\n");
        tree.Write("systemd/app.service", "[Service]\nEnvironmentFile=/opt/app/web.env\nWorkingDirectory=/opt/app\nExecStart=/usr/bin/podman-compose up\n");
        var options = ModelOptions.Default with { PathMappings = ImmutableDictionary<string, string>.Empty.Add("/opt/app", "app") };
        var model = tree.Build(options);
        Assert.That(model.Discovery.Select(r => (r.Path, r.Project, r.Reason, r.Detail)), Is.EqualTo(new[]
        {
            ("app/compose.yaml", (string?)"app", DiscoveryReason.DefaultName, "default compose file name"),
            ("app/compose.yaml", "app", DiscoveryReason.StartedByUnit, "started by systemd/app.service"),
            ("app/web.env", null, DiscoveryReason.EnvFile, "env file of systemd/app.service"),
            ("systemd/app.service", null, DiscoveryReason.Unit, "systemd unit"),
        }));
    }

    [Test]
    public void The_list_shows_one_line_per_record_in_aligned_columns()
    {
        using var tree = new TempTree();
        tree.Write("app/compose.yaml", Complete);
        tree.Write("app/compose.prod.yaml", "services:\n  web:\n    environment: [MODE=prod]\n");
        tree.Write("vars/main.yml", "services:\n  web:\n    port: 80\n");
        var writer = new StringWriter { NewLine = "\n" };
        FileDiscoveryFormat.Write(writer, tree.Build().Discovery);
        Assert.That(writer.ToString(), Is.EqualTo("""
            app/compose.prod.yaml  app  variant of compose.yaml, run as -f compose.yaml -f compose.prod.yaml (compose-like name)
            app/compose.yaml       app  default compose file name
            vars/main.yml          -    not linted: YAML with services:, but no service has image: or build:

            """));
    }

    [Test]
    public void The_readmes_list_example_is_what_the_model_records()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```text\n", readme.IndexOf("--list-files` prints it", StringComparison.Ordinal), StringComparison.Ordinal) + "```text\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yml", "services:\n  webserver:\n    image: apache/airflow\n");
        tree.Write("airflow/docker-compose.libvirt.yml", "services:\n  webserver:\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
        tree.Write("ansible/group_vars/all.yml", "services:\n  airflow:\n    port: 8888\n");
        tree.Write("systemd/airflow.service", "[Unit]\nDescription=Airflow\n[Service]\nExecStart=/usr/bin/true\n");
        var writer = new StringWriter { NewLine = "\n" };
        FileDiscoveryFormat.Write(writer, tree.Build().Discovery);
        Assert.That(writer.ToString(), Is.EqualTo(example));
    }

    private static IEnumerable<string> Paths(HostNetLint.Model.Compose.ComposeProject project) => project.Files.Select(f => f.Document.Path);
}
