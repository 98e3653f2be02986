using System.Reflection;
using HostNetLint.Model.Runtime;

namespace HostNetLint.Tests.Model;

public class RuntimeFactsTests
{
    [Test]
    public void Every_fact_is_listed_once_with_a_statement_and_a_source()
    {
        var declared = typeof(RuntimeFacts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RuntimeFact))
            .Select(f => (RuntimeFact)f.GetValue(null)!)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(RuntimeFacts.All, Is.EquivalentTo(declared));
            Assert.That(RuntimeFacts.All.Select(f => f.Id), Is.Unique);
            Assert.That(RuntimeFacts.All.Select(f => f.Id), Has.All.Match("^[a-z0-9-]+/[a-z0-9.-]+$"));
            Assert.That(RuntimeFacts.All.Select(f => f.Statement), Has.All.Length.GreaterThan(40));
            Assert.That(RuntimeFacts.All.Select(f => f.Source), Has.All.Length.GreaterThan(20));
            Assert.That(RuntimeFacts.All.Where(f => f.Commit is not null).Select(f => f.Commit), Has.All.Match("^[a-z-]+/[a-z-]+@[0-9a-f]{40}"));
        });
    }

    [TestCase("1.0.1", false)]
    [TestCase("1.0.2", true)]
    [TestCase("1.0.3", true)]
    [TestCase("1.0.5", true)]
    [TestCase("1.0.6", false)]
    [TestCase("1.6.0", false)]
    public void The_host_network_bug_covers_the_releases_from_1_0_2_to_before_1_0_6(string version, bool affected) =>
        Assert.That(RuntimeFacts.PodmanComposeAddsProjectNetwork.Versions.Contains(Version.Parse(version)), Is.EqualTo(affected));

    [Test]
    public void Version_ranges_read_as_words()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VersionRange.Always.ToString(), Is.EqualTo("all versions"));
            Assert.That(VersionRange.Since("1.1.0").ToString(), Is.EqualTo("1.1.0 and later"));
            Assert.That(VersionRange.Before("4.0").ToString(), Is.EqualTo("before 4.0"));
            Assert.That(VersionRange.Between("1.0.2", "1.0.6").ToString(), Is.EqualTo("1.0.2 up to (not including) 1.0.6"));
            Assert.That(VersionRange.Before("4.0").Contains(new Version(3, 4, 4)), Is.True);
            Assert.That(VersionRange.Before("4.0").Contains(new Version(4, 0)), Is.False);
        });
    }

    [TestCase("host", true)]
    [TestCase("none", true)]
    [TestCase("bridge", true)]
    [TestCase("bridge:ip=10.88.0.5,mac=aa:bb:cc:dd:ee:ff", true)]
    [TestCase("service:db", true)]
    [TestCase("container:lab-vpn", true)]
    [TestCase("private", true)]
    [TestCase("slirp4netns", true)]
    [TestCase("slirp4netns:port_handler=slirp4netns", true)]
    [TestCase("pasta", true)]
    [TestCase("pasta:-T,8080", true)]
    [TestCase("ns:/run/netns/vm", true)]
    [TestCase("ns:", false)]
    [TestCase("container:", false)]
    [TestCase("service", false)]
    [TestCase("host:eth0", false)]
    [TestCase("hosts", false)]
    [TestCase("Host", false)]
    [TestCase("macvlan", false)]
    [TestCase("", false)]
    public void Network_modes_are_well_formed_with_an_argument_exactly_when_they_take_one(string value, bool wellFormed) =>
        Assert.That(NetworkModes.IsWellFormed(value), Is.EqualTo(wellFormed));

    [TestCase("host", true)]
    [TestCase("pasta:-T,8080", true)]
    [TestCase("service:db", false)]
    [TestCase("airflow-net", false)]
    public void Podman_modes_are_told_from_network_names(string value, bool isPodmanMode) =>
        Assert.That(NetworkModes.Named(value) is { InPodman: true }, Is.EqualTo(isPodmanMode));
}
