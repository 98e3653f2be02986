using HostNetLint.Parsing.Text;
using HostNetLint.Reporting.Sarif;

namespace HostNetLint.Tests.Sarif;

/// <summary>Our partialFingerprints entry keeps an alert's identity when lines move, and never merges two findings.</summary>
[TestFixture]
public sealed class SarifFingerprintTests
{
    private static List<string> FingerprintsOf(WrittenSarif sarif) =>
        [.. sarif.Results.Select(r => r!["partialFingerprints"]![Fingerprints.Key]!.GetValue<string>())];

    [Test]
    public void Moving_findings_down_by_inserting_lines_above_keeps_their_fingerprints()
    {
        var before = WrittenSarif.Of(HandMadeFindings.Sample());
        var after = WrittenSarif.Of(HandMadeFindings.Sample(linesAbove: "# Airflow on the host network\n# see ADR-0043\n\n"));

        var startLines = (WrittenSarif s) => s.Results.Select(r => r!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(startLines(after).Take(3), Is.EqualTo(startLines(before).Take(3).Select(l => l + 3)), "the compose findings moved down");
            Assert.That(FingerprintsOf(after), Is.EqualTo(FingerprintsOf(before)));
        });
    }

    [Test]
    public void Different_findings_never_share_a_fingerprint()
    {
        var sarif = WrittenSarif.Of(HandMadeFindings.Sample());

        Assert.That(FingerprintsOf(sarif), Is.Unique);
    }

    [Test]
    public void Findings_with_the_same_rule_file_and_logical_path_are_told_apart_by_order()
    {
        var source = SourceText.From("services:\n  web:\n    network_mode: host\n    command: run --host 0.0.0.0 --bind 0.0.0.0\n", "twice/compose.yaml");
        var first = HandMadeFindings.Create("HNL1006", HandMadeFindings.At(source, "--host 0.0.0.0"), "twice/web/bind", ["web", "--host 0.0.0.0"]);
        var second = HandMadeFindings.Create("HNL1006", HandMadeFindings.At(source, "--bind 0.0.0.0"), "twice/web/bind", ["web", "--bind 0.0.0.0"]);

        var forward = FingerprintsOf(WrittenSarif.Of([first, second]));
        var reversed = FingerprintsOf(WrittenSarif.Of([second, first]));

        Assert.Multiple(() =>
        {
            Assert.That(forward, Is.Unique);
            Assert.That(forward[0], Does.EndWith(":1"));
            Assert.That(forward[1], Does.EndWith(":2"));
            Assert.That(reversed, Is.EqualTo(new[] { forward[1], forward[0] }), "the order in the file decides, not the order of reporting");
        });
    }

    [Test]
    public void The_fingerprint_depends_on_rule_file_and_logical_path_only()
    {
        var identity = Fingerprints.Identity("HNL1006", "airflow/docker-compose.yaml", "airflow/airflow-webserver/bind");

        Assert.Multiple(() =>
        {
            Assert.That(Fingerprints.Identity("HNL1006", "airflow/docker-compose.yaml", "airflow/airflow-webserver/bind"), Is.EqualTo(identity));
            Assert.That(Fingerprints.Identity("HNL1002", "airflow/docker-compose.yaml", "airflow/airflow-webserver/bind"), Is.Not.EqualTo(identity));
            Assert.That(Fingerprints.Identity("HNL1006", "other/docker-compose.yaml", "airflow/airflow-webserver/bind"), Is.Not.EqualTo(identity));
            Assert.That(Fingerprints.Identity("HNL1006", "airflow/docker-compose.yaml", "airflow/airflow-scheduler/bind"), Is.Not.EqualTo(identity));

            // Parts are separated, so moving a '/' between them changes the identity.
            Assert.That(Fingerprints.Identity("HNL1006", "a/b", "c"), Is.Not.EqualTo(Fingerprints.Identity("HNL1006", "a", "b/c")));
        });
    }

    [Test]
    public void The_upload_action_computes_the_line_hash_itself()
    {
        var sarif = WrittenSarif.Of(HandMadeFindings.Sample());

        Assert.That(sarif.Results.Select(r => r!["partialFingerprints"]!["primaryLocationLineHash"]), Is.All.Null);
    }
}
