using HostNetLint.Rules.Diagnostics;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

/// <summary>What a finding keeps once its model is dropped (<see cref="Diagnostic.Released"/>).</summary>
[TestFixture]
public sealed class FindingReleaseTests
{
    private const string TwoVmFacingServices = """
        services:
          scheduler:
            image: apache/airflow:2.10.5
            volumes: [/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock]
          worker:
            image: apache/airflow:2.10.5
            volumes: [/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock]
        """;

    [Test]
    public void A_released_finding_keeps_its_places_message_and_fixes_without_the_text()
    {
        var findings = Lint.Files(("a/compose.yaml", TwoVmFacingServices), ("b/compose.yaml", TwoVmFacingServices)).Where(d => d.Id == "HNL1001").ToList();
        var release = new FindingRelease(keepFixes: true);

        var released = findings.Select(d => d.Released(release)).ToList();

        Assert.That(findings, Has.Count.EqualTo(4));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < findings.Count; i++)
            {
                var (before, after) = (findings[i], released[i]);
                Assert.That(after.ToString(), Is.EqualTo(before.ToString()));
                Assert.That(after.Location.Source.HasText, Is.False);
                Assert.That(after.RelatedLocations.Select(r => (r.Location.Path, r.Location.LineSpan, r.Message)), Is.EqualTo(before.RelatedLocations.Select(r => (r.Location.Path, r.Location.LineSpan, r.Message))));
                Assert.That(after.Fixes.Select(f => (f.Title, f.Path, Edits: string.Join(";", f.Edits.Select(e => $"{e.Span}:{e.NewText}")))), Is.EqualTo(before.Fixes.Select(f => (f.Title, f.Path, Edits: string.Join(";", f.Edits.Select(e => $"{e.Span}:{e.NewText}"))))));
                Assert.That(after.Fixes.All(f => ReferenceEquals(f.Document, after.Location.Source)), Is.True, "one text-less copy of each file");
                Assert.That(after.NoFixReason, Is.EqualTo(before.NoFixReason));
            }

            Assert.That(before(0).Fixes, Is.Not.Empty, "the case has fixes to keep");
            var related = released.SelectMany(d => d.RelatedLocations).Select(r => r.Message).ToList();
            Assert.That(related.Distinct().Count(), Is.EqualTo(related.Distinct(ReferenceEqualityComparer.Instance).Count()), "one instance of each related message");
            Assert.That(related.Count, Is.GreaterThan(related.Distinct().Count()), "the case repeats related messages");
            var first = release.Utf8Message(findings[0].Message);
            Assert.That(release.Utf8Message(new string(findings[0].Message)), Is.SameAs(first), "one UTF-8 copy of each message");
        });

        Diagnostic before(int index) => findings[index];
    }

    [Test]
    public void A_finding_released_for_a_report_without_fixes_has_none()
    {
        var finding = Lint.Files(("compose.yaml", TwoVmFacingServices)).First(d => d.Id == "HNL1001");

        var released = finding.Released(new FindingRelease(keepFixes: false));

        Assert.Multiple(() =>
        {
            Assert.That(finding.Fixes, Is.Not.Empty);
            Assert.That(released.Fixes, Is.Empty);
            Assert.That(released.NoFixReason, Is.Null);
            Assert.That(released.ToString(), Is.EqualTo(finding.ToString()));
        });
    }
}
