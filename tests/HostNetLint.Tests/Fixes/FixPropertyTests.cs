using System.Text;
using CsCheck;
using HostNetLint.Fixes;
using HostNetLint.Fuzz.Invariants;
using HostNetLint.Model;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.Rules;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// Property tests over generated files in many layouts: the fixed text parses, every line a fix must not touch is
/// still there byte for byte and in order, every value it does not target parses to the same value (a block scalar that
/// ends the file keeps its value), line breaks, BOM and final newline are kept, the fixed rules no longer fire or say
/// why they could not be fixed, and a second fix-all changes nothing. Files with merges and extends are also judged by
/// docker-compose (<see cref="ComposeOracle"/>).
/// </summary>
[TestFixture]
public sealed class FixPropertyTests
{
    private static readonly string[] ComposeRules = ["HNL1001", "HNL1002", "HNL1003", "HNL3001"];

    private static readonly string[] UnitRules = ["HNL2001", "HNL2002", "HNL2003"];

    private const string UnitPath = "airflow/airflow.service";

    private static readonly Gen<GeneratedService> Service =
        Gen.Select(Gen.Int[0, 5], Gen.Bool, Gen.Int[0, 2], Gen.Int[0, 7], Gen.Bool, Gen.Bool)
            .Select(t => new GeneratedService(
                0,
                VmFacing: t.Item1 >= 2,
                NetworkMode: (t.Item1 % 3) switch { 0 => null, 1 => "host", _ => "bridge" },
                Ports: (t.Item4 & 1) != 0,
                Networks: (t.Item4 & 2) != 0,
                Flow: t.Item2 && (t.Item4 & 4) != 0,
                Quote: t.Item3,
                Comments: t.Item5,
                CompactSequences: t.Item6));

    private static readonly Gen<GeneratedCompose> Compose =
        Gen.Select(Gen.OneOf(2, 4), Gen.Int[0, 31], Service.Array[1, 4])
            .Select(t => new GeneratedCompose(
                t.Item1,
                Crlf: (t.Item2 & 1) != 0,
                Bom: (t.Item2 & 2) != 0,
                FinalNewline: (t.Item2 & 4) != 0,
                Version: (t.Item2 & 8) != 0,
                HeaderComment: (t.Item2 & 16) != 0,
                Services: [.. t.Item3.Select((s, i) => s with { Index = i })]));

    /// <summary>Files with an <c>x-common</c> anchor merged by some services, whose VM access, ports and networks come from it.</summary>
    private static readonly Gen<GeneratedCompose> ComposeWithAnchor =
        Gen.Select(Compose, Gen.Int[0, 15], Gen.Int[0, 15])
            .Select(t => t.Item1 with
            {
                Anchor = new GeneratedAnchor((t.Item2 & 1) != 0, (t.Item2 & 2) != 0, (t.Item2 & 4) != 0, (t.Item2 & 8) != 0),
                Services = [.. t.Item1.Services.Select(s => (t.Item3 & (1 << s.Index)) == 0 ? s : s with
                {
                    MergesAnchor = true,
                    Flow = false,
                    VmFacing = (t.Item2 & 1) != 0,
                    Ports = false,
                    Networks = false,
                })],
            });

    [Test]
    public void Fixing_generated_compose_files_keeps_everything_it_must_and_settles_in_one_run()
    {
        Compose.Sample(CheckCompose, iter: 1200, threads: 2, print: c => c.Render().Text);
    }

    [Test]
    public void Fixing_generated_compose_files_with_a_shared_anchor_changes_it_only_when_every_merging_service_needs_it()
    {
        ComposeWithAnchor.Sample(CheckCompose, iter: 800, threads: 2, print: c => c.Render().Text);
    }

    [Test]
    public void Fixing_generated_files_with_merges_and_extends_keeps_every_value_it_does_not_target_and_leaves_a_reason_for_each_finding_it_cannot_fix()
    {
        GeneratedMergeCompose.Gen.Sample(c => CheckMerges(c), iter: 500, threads: 2, print: c => c.Render());
    }

    [Test]
    public void Fixed_generated_files_with_merges_are_accepted_by_docker_compose_and_put_the_fixed_services_on_the_host_network()
    {
        ComposeOracle.Require();
        var onHost = 0;
        GeneratedMergeCompose.Accepted.Sample(
            compose =>
            {
                var (temp, before, after) = CheckMerges(compose);
                using (temp)
                {
                    File.WriteAllText(Path.Combine(temp.Path, "original.yaml"), compose.Render());
                    if (ComposeOracle.Config(temp.Path, "original.yaml").ExitCode != 0)
                    {
                        // Compose rejects the input already (networks: beside a merged network_mode: host): nothing to compare.
                        return;
                    }

                    var config = ComposeOracle.Config(temp.Path, "compose.yaml");
                    Assert.That(config.ExitCode, Is.Zero, $"docker-compose rejects the fixed file:\n{config}\n{File.ReadAllText(Path.Combine(temp.Path, "compose.yaml"))}");
                    foreach (var name in FixedHostNetworkServices(before, after))
                    {
                        Assert.That(ComposeOracle.NetworkModeOf(config.Output, name), Is.EqualTo("host"), $"'{name}' lost its HNL1001 but compose does not put it on the host network:\n{config.Output}");
                        Interlocked.Increment(ref onHost);
                    }
                }
            },
            iter: 30,
            threads: 1,
            print: c => c.Render());
        Assert.That(onHost, Is.GreaterThan(0), "no generated input valid for docker-compose had an HNL1001 the fix resolved, so nothing was judged");
    }

    [Test]
    public void Fixing_generated_units_keeps_everything_it_must_and_settles_in_one_run()
    {
        GeneratedUnit.Gen.Sample(CheckUnit, iter: 1000, threads: 2, print: u => u.Render().Text);
    }

    private static void CheckCompose(GeneratedCompose compose)
    {
        var (text, lines) = compose.Render();
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("compose.yaml", Encoding.UTF8.GetBytes(text));
        var original = SourceText.Decode(File.ReadAllBytes(path), "compose.yaml");
        Assert.That(YamlSyntaxTree.Parse(original).Problems, Is.Empty, "generated input must be valid:\n" + text);

        var result = FixRunner.Fix(temp);
        var fixedText = result.Files.SingleOrDefault()?.NewText ?? original.Text;
        Assert.That(result.Files.Where(f => f.RefusedReason is not null), Is.Empty);
        CheckBytes(compose.Bom, compose.NewLine, compose.FinalNewline, result.Files.SingleOrDefault()?.NewBytes() ?? File.ReadAllBytes(path), fixedText);
        Assert.That(YamlSyntaxTree.Parse(SourceText.From(fixedText)) is { IsComplete: true, Problems.IsEmpty: true }, "fixed text parses:\n" + fixedText);
        CheckKept(lines, fixedText, inserted: l => l.TrimStart() is "network_mode: host" or "\"network_mode\": host" || l.Contains('{', StringComparison.Ordinal));
        CheckUntargetedValuesKept(YamlLeaves.Of(YamlSyntaxTree.Parse(original))!, YamlLeaves.Of(YamlSyntaxTree.Parse(SourceText.From(fixedText)))!, fixedText);

        foreach (var file in result.Changed)
        {
            Assert.That(AtomicFileWriter.Write(temp.Path, file.FullPath, file.NewBytes()), Is.Null);
        }

        if (compose.ExpectSettled)
        {
            Assert.That(Lint.Directory(temp.Path).Where(d => ComposeRules.Contains(d.Id)), Is.Empty, "fixed rules still fire:\n" + fixedText);
        }

        Assert.That(FixRunner.Fix(temp).Changed, Is.Empty, "second pass is a no-op:\n" + fixedText);
    }

    /// <summary>
    /// Fixes the file, then checks what a fix promises, by parsed values rather than lines: the text parses; every value
    /// outside the keys fixes target (network_mode, networks, ports, merge keys, version) is still there with the same
    /// value and nothing else appeared (a block scalar at the end of the file keeps its value); each finding left has a
    /// reason it was not fixed; no rule has more errors than before; every suppressed finding is still suppressed (none
    /// was fixed as a side effect); fixing again changes nothing. Returns the directory (with the fixed file written) and
    /// the findings before and after.
    /// </summary>
    private static (TempDirectory Temp, LintResult Before, LintResult After) CheckMerges(GeneratedMergeCompose compose)
    {
        var text = compose.Render();
        var temp = new TempDirectory();
        temp.Write("compose.yaml", text);
        var before = Analyze(temp.Path);
        var result = FixRunner.Fix(temp);
        Assert.That(result.Files.Where(f => f.RefusedReason is not null), Is.Empty);
        var fixedText = result.Changed.SingleOrDefault()?.NewText ?? text;
        var shown = $"{text}\n--- fixed:\n{fixedText}";
        var beforeTree = YamlSyntaxTree.Parse(SourceText.From(text));
        var afterTree = YamlSyntaxTree.Parse(SourceText.From(fixedText));
        Assert.That(afterTree is { IsComplete: true, Problems.IsEmpty: true }, "fixed text parses:\n" + shown);
        CheckUntargetedValuesKept(YamlLeaves.Of(beforeTree)!, YamlLeaves.Of(afterTree)!, shown);
        Assert.That(result.Remaining.Where(d => d.Descriptor.IsFixable && d.NoFixReason is null), Is.Empty, "each finding left says why it was not fixed:\n" + shown);

        foreach (var file in result.Changed)
        {
            Assert.That(AtomicFileWriter.Write(temp.Path, file.FullPath, file.NewBytes()), Is.Null);
        }

        var after = Analyze(temp.Path);
        var errorsBefore = before.Diagnostics.Where(d => d.Severity == Severity.Error).CountBy(d => d.Id).ToDictionary();
        foreach (var (id, count) in after.Diagnostics.Where(d => d.Severity == Severity.Error).CountBy(d => d.Id))
        {
            Assert.That(count, Is.LessThanOrEqualTo(errorsBefore.GetValueOrDefault(id)), $"fixing traded errors for {id}:\n{shown}");
        }

        var stillSuppressed = after.Suppressed.Select(s => (s.Diagnostic.Id, s.Diagnostic.LogicalPath)).ToHashSet();
        Assert.That(before.Suppressed.Where(s => !stillSuppressed.Contains((s.Diagnostic.Id, s.Diagnostic.LogicalPath))).Select(s => s.Diagnostic.ToString()), Is.Empty, "a suppressed finding was fixed as a side effect:\n" + shown);
        Assert.That(FixRunner.Fix(temp).Changed, Is.Empty, "second pass is a no-op:\n" + shown);
        return (temp, before, after);
    }

    /// <summary>Services that had an HNL1001 before fixing and have none after.</summary>
    private static IEnumerable<string> FixedHostNetworkServices(LintResult before, LintResult after)
    {
        var left = after.Diagnostics.Where(d => d.Id == "HNL1001").Select(d => d.LogicalPath).ToHashSet();
        return before.Diagnostics.Where(d => d.Id == "HNL1001" && !left.Contains(d.LogicalPath)).Select(d => d.Location.Source.ToString(d.Location.Span));
    }

    private static void CheckUntargetedValuesKept(List<ValueLeaf> before, List<ValueLeaf> after, string fixedText)
    {
        var afterByPath = after.GroupBy(l => l.Path).ToDictionary(g => g.Key, g => g.First().Value);
        var beforePaths = before.Select(l => l.Path).ToHashSet();
        foreach (var leaf in before.Where(l => !IsTargeted(l.Path)))
        {
            Assert.That(afterByPath.TryGetValue(leaf.Path, out var value) ? value : "(gone)", Is.EqualTo(leaf.Value), $"{leaf.Path} changed though no fix targets it:\n{fixedText}");
        }

        Assert.That(after.Where(l => !IsTargeted(l.Path) && !beforePaths.Contains(l.Path)).Select(l => l.Path), Is.Empty, "values appeared though no fix writes them:\n" + fixedText);
    }

    /// <summary>What a compose fix may change: a service's or an extension anchor's network_mode, networks, ports and merge keys, and version.</summary>
    private static bool IsTargeted(string path)
    {
        string[] keys = ["network_mode", "networks", "ports", "<<"];
        var segments = path.Split('/');
        return (segments.Length >= 2 && segments[1] == "version")
            || (segments.Length >= 4 && segments[1] == "services" && keys.Contains(segments[3]))
            || (segments.Length >= 3 && segments[1].StartsWith("x-", StringComparison.Ordinal) && keys.Contains(segments[2]));
    }

    private static LintResult Analyze(string root) => LintEngine.Analyze(DeploymentModelBuilder.Build(root, [], ModelOptions.Default), LintOptions.Default);

    private static void CheckUnit(GeneratedUnit unit)
    {
        var (text, lines) = unit.Render();
        using var temp = new TempDirectory();

        // The unit's ExecStart runs /opt/airflow/docker-compose.yaml, which resolves to this VM-facing stack.
        temp.Write("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose);
        var path = temp.WriteBytes(UnitPath, Encoding.UTF8.GetBytes(text));
        var original = SourceText.Decode(File.ReadAllBytes(path), UnitPath);
        var run = () => FixRunner.Fix(temp);

        var result = run();
        var fix = result.Files.SingleOrDefault(f => f.Path == UnitPath);
        Assert.That(fix?.RefusedReason, Is.Null);
        var fixedText = fix?.NewText ?? original.Text;
        CheckBytes(unit.Bom, unit.NewLine, unit.FinalNewline, fix?.NewBytes() ?? File.ReadAllBytes(path), fixedText);
        Assert.That(UnitFileSyntax.Parse(SourceText.From(fixedText)) is { IsComplete: true, Problems.IsEmpty: true }, "fixed unit parses:\n" + fixedText);
        CheckKept(lines, fixedText, inserted: l => l.Length == 0 || l == "[Unit]" || l.StartsWith("After=", StringComparison.Ordinal) || l.StartsWith("Wants=", StringComparison.Ordinal));
        Assert.That(result.Remaining.Where(d => UnitRules.Contains(d.Id)), Is.Empty, "fixed rules still fire:\n" + fixedText);

        if (fix is { IsChanged: true })
        {
            Assert.That(AtomicFileWriter.Write(temp.Path, fix.FullPath, fix.NewBytes()), Is.Null);
        }

        Assert.That(run().Changed, Is.Empty, "second pass is a no-op:\n" + fixedText);
    }

    /// <summary>Encoding, BOM, line breaks and the final newline are the original's.</summary>
    private static void CheckBytes(bool bom, string newLine, bool finalNewline, byte[] bytes, string text)
    {
        Assert.That(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), Is.EqualTo(bom));
        var other = newLine == "\n" ? "\r\n" : "\n";
        var breaks = newLine == "\n" ? text.Contains('\r', StringComparison.Ordinal) : text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal);
        Assert.That(breaks, Is.False, $"only {(newLine == "\n" ? "LF" : "CRLF")} line breaks, no {other.Length}-char ones:\n{text}");
        Assert.That(text.EndsWith('\n'), Is.EqualTo(finalNewline), "final newline kept as it was:\n" + text);
    }

    /// <summary>Every protected line is still there, in order and unchanged; every other line of the output is one a fix may write.</summary>
    private static void CheckKept(List<(string Line, bool Protected)> lines, string fixedText, Func<string, bool> inserted)
    {
        var output = fixedText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var next = 0;
        foreach (var (line, isProtected) in lines)
        {
            if (!isProtected)
            {
                continue;
            }

            var found = output.FindIndex(next, l => l == line);
            Assert.That(found, Is.GreaterThanOrEqualTo(0), $"protected line '{line}' is missing or out of order:\n{fixedText}");
            for (var i = next; i < found; i++)
            {
                Assert.That(inserted(output[i]) || lines.Any(l => l.Line == output[i]), Is.True, $"unexpected line '{output[i]}':\n{fixedText}");
            }

            next = found + 1;
        }
    }
}
