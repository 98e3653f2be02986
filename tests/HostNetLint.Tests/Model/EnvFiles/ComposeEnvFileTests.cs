using HostNetLint.Model;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model.EnvFiles;

public class ComposeEnvFileTests
{
    private static EnvironmentVariable Variable(Workload workload, string name) => workload.Environment.Single(v => v.Name == name);

    [Test]
    public void Env_file_variables_are_located_at_their_line_and_enter_at_the_reference()
    {
        using var tree = new TempTree();
        tree.Write("app/app.env", "# libvirt access\nLIBVIRT_DEFAULT_URI=qemu:///system\n");
        tree.Write("app/compose.yaml", "services:\n  web:\n    image: x\n    env_file: app.env\n");
        var web = tree.Service("web");
        var uri = Variable(web, "LIBVIRT_DEFAULT_URI");
        Assert.Multiple(() =>
        {
            Assert.That(uri.Value!.Text, Is.EqualTo("qemu:///system"));
            Assert.That(uri.Entry.Location.Path, Is.EqualTo("app/app.env"));
            Assert.That(TempTree.Position(uri.Entry.Location), Is.EqualTo((2, 1)));
            Assert.That(TempTree.TextOf(uri.Entry.Location), Is.EqualTo("LIBVIRT_DEFAULT_URI=qemu:///system"));
            Assert.That(TempTree.TextOf(uri.Value.Location), Is.EqualTo("qemu:///system"));
            Assert.That(TempTree.Position(uri.Value.Location), Is.EqualTo((2, 21)));
            Assert.That(uri.Entry.Site.Path, Is.EqualTo("app/compose.yaml"));
            Assert.That(TempTree.Position(uri.Entry.Site), Is.EqualTo((4, 15)));
            Assert.That(TempTree.TextOf(uri.Entry.Site), Is.EqualTo("app.env"));
            Assert.That(uri.Entry.Origin, Is.EqualTo(ValueOrigin.EnvFile));
            Assert.That(uri.Entry.IsInherited, Is.True);
        });
    }

    [Test]
    public void Environment_wins_over_env_files_and_later_files_over_earlier_ones()
    {
        using var tree = new TempTree();
        tree.Write("first.env", "SHARED=first\nONLY_FIRST=1\nBOTH=first\n");
        tree.Write("second.env", "SHARED=second\nBOTH=second\n");
        tree.Write("compose.yaml", """
            services:
              web:
                image: x
                env_file:
                  - first.env
                  - path: second.env
                environment:
                  BOTH: declared
            """);
        var web = tree.Service("web");
        Assert.Multiple(() =>
        {
            Assert.That(web.Environment.Select(v => (v.Name, v.Value?.Text)), Is.EqualTo(new (string, string?)[]
            {
                ("BOTH", "declared"),
                ("ONLY_FIRST", "1"),
                ("SHARED", "second"),
            }));
            Assert.That(Variable(web, "SHARED").Entry.Location.Path, Is.EqualTo("second.env"));
            Assert.That(Variable(web, "BOTH").Entry.Location.Path, Is.EqualTo("compose.yaml"));
            Assert.That(Variable(web, "BOTH").Entry.Origin, Is.EqualTo(ValueOrigin.Declaration));
        });
    }

    [Test]
    public void Env_files_are_interpolated_with_the_project_variables_then_the_service_environment_then_earlier_lines()
    {
        using var tree = new TempTree();
        tree.Write(".env", "HOST_IP=192.168.122.1\nLEVEL=from-dotenv\n");
        tree.Write("svc.env", """
            URI="qemu+ssh://root@${HOST_IP}/system"
            FROM_SERVICE=${DECLARED}
            LEVEL=file
            SEES_PROJECT_FIRST=$LEVEL
            EARLIER=${URI}
            SINGLE='${HOST_IP}'
            HOST_IP
            MISSING
            """);
        tree.Write("compose.yaml", "services:\n  web:\n    image: x\n    env_file: svc.env\n    environment:\n      DECLARED: d\n");
        var web = tree.Service("web");
        Assert.Multiple(() =>
        {
            Assert.That(Variable(web, "URI").Value!.Text, Is.EqualTo("qemu+ssh://root@192.168.122.1/system"));
            Assert.That(TempTree.TextOf(Variable(web, "URI").Value!.Location), Is.EqualTo("\"qemu+ssh://root@${HOST_IP}/system\""));
            Assert.That(Variable(web, "FROM_SERVICE").Value!.Text, Is.EqualTo("d"));
            Assert.That(Variable(web, "SEES_PROJECT_FIRST").Value!.Text, Is.EqualTo("from-dotenv"), "compose-go looks up the project's variables before earlier lines");
            Assert.That(Variable(web, "EARLIER").Value!.Text, Is.EqualTo("qemu+ssh://root@192.168.122.1/system"));
            Assert.That(Variable(web, "SINGLE").Value!.Text, Is.EqualTo("${HOST_IP}"));
            Assert.That(Variable(web, "HOST_IP").Value!.Text, Is.EqualTo("192.168.122.1"), "a name alone inherits the project's value");
            Assert.That(TempTree.Position(Variable(web, "HOST_IP").Value!.Location), Is.EqualTo((7, 1)));
            Assert.That(web.Environment.Any(v => v.Name == "MISSING"), Is.False, "a name alone without a value is not set");
        });
    }

    [Test]
    public void Raw_format_takes_values_verbatim()
    {
        using var tree = new TempTree();
        tree.Write("raw.env", "QUOTED=\"a $B\" # not a comment\n");
        tree.Write("compose.yaml", "services:\n  web:\n    image: x\n    env_file:\n      - path: raw.env\n        format: raw\n");
        Assert.That(Variable(tree.Service("web"), "QUOTED").Value!.Text, Is.EqualTo("\"a $B\" # not a comment"));
    }

    [Test]
    public void Env_file_in_an_anchor_enters_each_service_at_its_merge_key()
    {
        using var tree = new TempTree();
        tree.Write("common.env", "LIBVIRT_DEFAULT_URI=qemu:///system\n");
        tree.Write("compose.yaml", """
            x-common: &common
              image: x
              env_file: common.env
            services:
              a:
                <<: *common
              b:
                <<: *common
            """);
        var model = tree.Build();
        var sites = model.Workloads.Select(w => TempTree.Position(Variable(w, "LIBVIRT_DEFAULT_URI").Entry.Site));
        Assert.That(sites, Is.EqualTo(new[] { (6, 5), (8, 5) }));
        Assert.That(model.Documents.Count(d => d.Path == "common.env"), Is.EqualTo(1), "the file is one document however many services read it");
    }

    [Test]
    public void A_missing_env_file_is_reported_once_with_every_reading_service()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              a:
                image: x
                env_file: secrets.env
              b:
                image: x
                env_file: [secrets.env]
              c:
                image: x
                env_file:
                  - path: secrets.env
                    required: false
            """);
        var model = tree.Build();
        var problem = model.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Kind, Is.EqualTo(ModelProblemKind.ReferenceMissing));
            Assert.That(problem.Message, Is.EqualTo("'secrets.env' does not exist"));
            Assert.That(TempTree.Position(problem.Location), Is.EqualTo((4, 15)));
            Assert.That(problem.Related.Select(r => (TempTree.Position(r.Location), r.Message)), Is.EqualTo(new[]
            {
                ((2, 3), "read by 'a'"),
                ((7, 16), "also referenced here"),
                ((5, 3), "read by 'b'"),
            }));
        });
    }

    [Test]
    public void A_missing_env_file_that_gitignore_excludes_is_kept_out_on_purpose()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "# secrets\n*.env\n!example.env\n");
        tree.Write("deploy/compose.yaml", "services:\n  a:\n    image: x\n    env_file: [secrets.env, example.env]\n");
        var problems = tree.Build().Problems;
        Assert.That(problems.Select(p => (p.Kind, p.Message, TempTree.TextOf(p.Location))), Is.EqualTo(new[]
        {
            (ModelProblemKind.ReferenceKeptOutOfRepository, "'secrets.env' does not exist; the pattern '*.env' in .gitignore keeps it out of the repository", "secrets.env"),
            (ModelProblemKind.ReferenceMissing, "'example.env' does not exist", "example.env"),
        }));
    }

    [Test]
    public void Env_files_outside_the_root_are_not_read()
    {
        using var outside = new TempTree();
        outside.Write("host.env", "LIBVIRT_DEFAULT_URI=qemu:///system\n");
        using var tree = new TempTree();
        File.CreateSymbolicLink(Path.Combine(tree.Root, "linked.env"), Path.Combine(outside.Root, "host.env"));
        tree.Write("compose.yaml", $"services:\n  a:\n    image: x\n    env_file: [linked.env, {Path.Combine(outside.Root, "host.env")}]\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Problems.Select(p => p.Kind), Is.EqualTo(new[] { ModelProblemKind.ReferenceOutsideRoot, ModelProblemKind.ReferenceOutsideRoot }));
            Assert.That(model.Workloads.Single().Environment, Is.Empty);
            Assert.That(model.Documents.Select(d => d.Path), Is.EqualTo(new[] { "compose.yaml" }));
        });
    }
}
