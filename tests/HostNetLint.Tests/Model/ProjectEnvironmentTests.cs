using System.Diagnostics;
using HostNetLint.Model;

namespace HostNetLint.Tests.Model;

/// <summary>What a project's <c>.env</c> tells compose itself: COMPOSE_FILE, COMPOSE_PROFILES, COMPOSE_PROJECT_NAME, and bounded interpolation.</summary>
public class ProjectEnvironmentTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(1);

    [Test]
    public void Compose_file_in_dot_env_names_the_stack_instead_of_the_default_names()
    {
        using var tree = new TempTree();
        tree.Write("app/.env", "COMPOSE_FILE=base.yml:extra.yml\n");
        tree.Write("app/base.yml", "services:\n  a:\n    image: a\n");
        tree.Write("app/extra.yml", "services:\n  a:\n    network_mode: host\n  b:\n    image: b\n");
        tree.Write("app/compose.yaml", "services:\n  ignored:\n    image: i\n");
        var project = tree.Build().ComposeProjects.Single();
        Assert.Multiple(() =>
        {
            Assert.That(project.Services.Select(s => s.Name), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(project.Files.Select(f => f.Document.Path), Is.EqualTo(new[] { "app/base.yml", "app/extra.yml" }));
            Assert.That(project.Services[0].IsHostNetwork, Is.True);
            Assert.That(project.Name, Is.EqualTo("app"));
        });
    }

    [Test]
    public void Compose_path_separator_and_missing_entries()
    {
        using var tree = new TempTree();
        tree.Write(".env", "COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=one.yml;missing.yml\n");
        tree.Write("one.yml", "services:\n  one:\n    image: x\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "one" }));
            var problem = model.Problems.Single();
            Assert.That(problem.Kind, Is.EqualTo(ModelProblemKind.ReferenceMissing));
            Assert.That(problem.Message, Is.EqualTo("'missing.yml' in COMPOSE_FILE does not exist"));
            Assert.That(problem.Location.Path, Is.EqualTo(".env"));
            Assert.That(TempTree.TextOf(problem.Location), Is.EqualTo("one.yml;missing.yml"));
        });
    }

    [Test]
    public void A_unit_running_compose_in_its_working_directory_loads_the_compose_file_list()
    {
        using var tree = new TempTree();
        tree.Write("airflow/.env", "COMPOSE_FILE=stack.yml\n");
        tree.Write("airflow/stack.yml", "services:\n  web:\n    image: x\n");
        tree.Write("airflow/airflow.service", "[Unit]\nDescription=Airflow\n\n[Service]\nWorkingDirectory=/opt/airflow\nExecStart=/usr/bin/podman-compose up\n");
        var model = tree.Build(ModelOptions.Default with { PathMappings = ImmutableDictionaryOf("/opt/airflow", "airflow") });
        Assert.That(model.Units.Single().Workloads.Select(w => w.Name), Is.EqualTo(new[] { "web" }));
    }

    [Test]
    public void Compose_profiles_decide_which_services_plain_up_starts()
    {
        using var tree = new TempTree();
        tree.Write(".env", "COMPOSE_PROFILES= debug , tools\n");
        tree.Write("compose.yaml", """
            services:
              always:
                image: x
              debugger:
                image: x
                profiles: [debug]
              other:
                image: x
                profiles: [nope]
            """);
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Select(w => (w.Name, w.IsProfileActive)), Is.EqualTo(new[] { ("always", true), ("debugger", true), ("other", false) }));
            Assert.That(model.Workloads[2].Profiles.Select(p => p.Text), Is.EqualTo(new[] { "nope" }));
        });
    }

    [Test]
    public void Without_compose_profiles_only_services_without_profiles_start_and_a_star_starts_all()
    {
        using var tree = new TempTree();
        tree.Write("none/compose.yaml", "services:\n  a:\n    image: x\n  b:\n    image: x\n    profiles: [p]\n");
        tree.Write("all/.env", "COMPOSE_PROFILES=*\n");
        tree.Write("all/compose.yaml", "services:\n  c:\n    image: x\n    profiles: [p]\n");
        var model = tree.Build();
        Assert.That(model.Workloads.Select(w => (w.Name, w.IsProfileActive)), Is.EqualTo(new[] { ("c", true), ("a", true), ("b", false) }));
    }

    [Test]
    public void A_thirty_deep_chain_resolves()
    {
        using var tree = new TempTree();
        var lines = new List<string> { "V0=root" };
        lines.AddRange(Enumerable.Range(1, 30).Select(i => $"V{i}=${{V{i - 1}}}/{i}"));
        tree.Write(".env", string.Join('\n', lines) + "\n");
        tree.Write("compose.yaml", "services:\n  s:\n    image: ${V30}\n");
        var model = BuildGuarded(tree);
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Single().Image!.Text, Is.EqualTo("root/" + string.Join('/', Enumerable.Range(1, 30))));
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [Test]
    public void A_self_reference_reads_the_value_known_before_it()
    {
        using var tree = new TempTree();
        tree.Write(".env", "PATHS=/a\nPATHS=$PATHS:/b\nLOOP=${LOOP}${LOOP}\n");
        tree.Write("compose.yaml", "services:\n  s:\n    image: x\n    command: [\"${PATHS}\", \"[${LOOP}]\"]\n");
        var model = BuildGuarded(tree);
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Single().Command.Select(c => c.Text), Is.EqualTo(new[] { "/a:/b", "[]" }));
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [Test]
    public void An_exponential_doubling_chain_is_stopped_at_the_variable_that_crosses_the_limit()
    {
        // V0 is 1 character, V(i) = V(i-1) twice: V20 is 1,048,576 characters, V21 would be twice the limit.
        using var tree = new TempTree();
        var lines = new List<string> { "V0=x" };
        lines.AddRange(Enumerable.Range(1, 30).Select(i => $"V{i}=$V{i - 1}$V{i - 1}"));
        tree.Write(".env", string.Join('\n', lines) + "\n");
        tree.Write("compose.yaml", "services:\n  s:\n    image: x\n    environment:\n      SHORT: ${V3}\n");
        var model = BuildGuarded(tree);
        Assert.Multiple(() =>
        {
            var problems = model.Problems.Where(p => p.Kind == ModelProblemKind.LimitExceeded).ToList();
            Assert.That(problems.Select(p => (TempTree.Position(p.Location), TempTree.TextOf(p.Location))), Is.EqualTo(new[] { ((22, 1), "V21") }));
            Assert.That(problems[0].Message, Is.EqualTo("The value of 'V21' would be over 1,048,576 characters after interpolation; it was left as written"));
            Assert.That(model.Workloads.Single().Environment.Single().Value!.Text, Is.EqualTo("xxxxxxxx"));
        });
    }

    [Test]
    public void Many_values_under_the_limit_still_add_up_to_a_bounded_file()
    {
        using var tree = new TempTree();
        var lines = new List<string> { "V0=x" };
        lines.AddRange(Enumerable.Range(1, 19).Select(i => $"V{i}=$V{i - 1}$V{i - 1}"));
        lines.AddRange(Enumerable.Range(0, 20).Select(i => $"COPY{i}=$V19"));
        tree.Write(".env", string.Join('\n', lines) + "\n");
        tree.Write("compose.yaml", "services:\n  s:\n    image: x\n");
        var model = BuildGuarded(tree);
        var problem = model.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ModelProblemKind.LimitExceeded));
            Assert.That(TempTree.TextOf(problem.Location), Is.EqualTo("COPY14"));
        });
    }

    [Test]
    public void Defaults_nested_too_deep_are_reported()
    {
        using var tree = new TempTree();
        tree.Write(".env", "DEEP=" + string.Concat(Enumerable.Repeat("${X:-", 20)) + "end" + new string('}', 20) + "\n");
        tree.Write("compose.yaml", "services:\n  s:\n    image: x\n");
        var problem = BuildGuarded(tree).Problems.Single();
        Assert.That((problem.Kind, TempTree.TextOf(problem.Location)), Is.EqualTo((ModelProblemKind.LimitExceeded, "DEEP")));
    }

    private static System.Collections.Immutable.ImmutableDictionary<string, string> ImmutableDictionaryOf(string key, string value) =>
        System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(key, value);

    /// <summary>Builds the model on another thread and fails (instead of hanging the run) if it takes longer than the generous bound.</summary>
    private static DeploymentModel BuildGuarded(TempTree tree)
    {
        var build = Task.Run(() => tree.Build());
        Assert.That(build.Wait(HangBound), Is.True, "model building did not finish: hang guard");
        return build.Result;
    }
}

/// <summary>compose-go's own fixture for a <c>.env</c> that names the stack and the project.</summary>
public class ProjectEnvironmentCorpusTests
{
    [Test]
    public void Compose_gos_env_file_fixture_loads_as_compose_go_loads_it()
    {
        var directory = Path.Combine(TestSupport.Corpus.RequireDirectory(), "compose-spec+compose-go", "cli", "testdata", "env-file");
        if (!Directory.Exists(directory))
        {
            Assert.Ignore($"{directory} is not in this corpus");
        }

        // The directory's other compose file stands on its own and is a run of its own (issue 18); COMPOSE_FILE names this one.
        var model = DeploymentModelBuilder.Build(directory, [], ModelOptions.Default);
        var project = model.ComposeProjects.Single(p => p.Files[0].Document.Path == "compose-with-env-file.yaml");
        var simple = project.Services.Single();
        Assert.Multiple(() =>
        {
            Assert.That(project.Name, Is.EqualTo("my_project_from_dot_env"));
            Assert.That(project.Files.Select(f => f.Document.Path), Is.EqualTo(new[] { "compose-with-env-file.yaml" }));
            Assert.That(simple.Environment.Select(v => (v.Name, v.Value?.Text, v.Entry.Location.Path)), Is.EqualTo(new[] { ("DEFAULT_PORT", (string?)"8080", "simple-env") }));
            Assert.That(model.Problems, Is.Empty);
        });
    }
}
