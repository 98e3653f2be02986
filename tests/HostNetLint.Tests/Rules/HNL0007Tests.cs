using HostNetLint.Rules.Diagnostics;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL0007Tests
{
    private const string Id = "HNL0007";

    [Test]
    public void A_missing_env_file_that_gitignore_excludes_is_a_note_at_its_first_reference()
    {
        var diagnostics = RuleVerifier.Verify(
            Id,
            (".gitignore", "deploy/secrets/\n"),
            ("deploy/compose.yaml", """
                services:
                  airflow-scheduler:
                    image: quay.io/qubinode/airflow:2.10.5
                    env_file: [|secrets/airflow.env|]
                  airflow-webserver:
                    image: quay.io/qubinode/airflow:2.10.5
                    env_file:
                      - path: secrets/airflow.env
                """));
        var note = diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(note.Severity, Is.EqualTo(Severity.Note));
            Assert.That(note.Message, Is.EqualTo("'secrets/airflow.env' does not exist; the pattern 'deploy/secrets/' in .gitignore keeps it out of the repository. What it sets was not checked."));
            Assert.That(note.RelatedLocations.Select(r => (r.Location.LineSpan.Start.Line + 1, r.Message)), Is.EqualTo(new[]
            {
                (2, "read by 'airflow-scheduler'"),
                (8, "also referenced here"),
                (5, "read by 'airflow-webserver'"),
            }));
        });
    }

    [Test]
    public void An_install_path_that_matches_no_file_is_a_note_and_an_optional_one_is_nothing()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow.service", """
                [Unit]
                Description=Airflow

                [Service]
                EnvironmentFile=[|/etc/airflow/secrets.env|]
                EnvironmentFile=-/etc/airflow/optional.env
                ExecStart=/usr/bin/true
                """));
    }

    [Test]
    public void A_missing_env_file_that_git_tracks_is_not_a_note()
    {
        RuleVerifier.Verify(
            Id,
            (".gitignore", "*.log\n"),
            ("compose.yaml", "services:\n  web:\n    image: nginx\n    env_file: {|HNL0004:web.env|}\n"));
    }
}
