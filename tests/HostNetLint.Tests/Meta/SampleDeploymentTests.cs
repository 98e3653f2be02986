using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>The sample repository reproduces ADR-0043's "before" state; these are the findings the README promises.</summary>
[TestFixture]
public sealed class SampleDeploymentTests
{
    [Test]
    public void The_sample_reports_each_VM_facing_service_and_the_unit_with_exact_positions()
    {
        var findings = Lint.Directory(Repository.SampleDeployment)
            .Select(d => $"{d.Location.Path}({d.Location.LineSpan.Start.Line + 1},{d.Location.LineSpan.Start.Character + 1}) {d.Id}")
            .ToList();

        Assert.That(findings, Is.EqualTo(new[]
        {
            "airflow/airflow.service(4,1) HNL2001",
            "airflow/airflow.service(4,7) HNL2003",
            "airflow/docker-compose.yaml(3,1) HNL3001",
            "airflow/docker-compose.yaml(25,3) HNL1001",
            "airflow/docker-compose.yaml(31,3) HNL1001",
            "airflow/docker-compose.yaml(35,3) HNL1001",
        }));
    }

    [Test]
    public void HNL1001_names_the_libvirt_mount_in_the_anchor_as_its_origin()
    {
        var vmFacing = Lint.Directory(Repository.SampleDeployment).Where(d => d.Id == "HNL1001").ToList();
        Assert.That(vmFacing, Has.Count.EqualTo(3));
        foreach (var diagnostic in vmFacing)
        {
            var origin = diagnostic.RelatedLocations[0].Location;
            var line = origin.Source.ToString(origin.Source.GetLineSpan(origin.LineSpan.Start.Line));
            Assert.That(line.Trim(), Is.EqualTo("- /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro"), diagnostic.ToString());
        }
    }
}
