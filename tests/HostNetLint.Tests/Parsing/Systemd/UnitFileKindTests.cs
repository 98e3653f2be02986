using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

[TestFixture]
public sealed class UnitFileKindTests
{
    private const string DBusActivationFile = "[D-BUS Service]\nName=org.freedesktop.Example\nExec=/usr/libexec/example-daemon\nUser=root\nSystemdService=example.service\n";

    [Test]
    public void A_service_file_whose_first_section_is_d_bus_service_is_recognised_from_its_content()
    {
        var syntax = Parse(DBusActivationFile);

        Assert.That(syntax.Kind, Is.EqualTo(UnitFileKind.DBusService));
        Assert.That(syntax.Problems, Is.Empty);
        Assert.That(UnitFileSyntax.Classify("org.freedesktop.Example.service", syntax), Is.EqualTo(UnitFileKind.DBusService));
    }

    [Test]
    public void A_d_bus_section_that_is_not_first_does_not_make_a_d_bus_file()
    {
        Assert.That(Parse("[Unit]\nDescription=x\n[D-BUS Service]\nName=a\n").Kind, Is.EqualTo(UnitFileKind.SystemdUnit));
    }

    [TestCase("web.service", "[Unit]\nDescription=x\n", UnitFileKind.SystemdUnit)]
    [TestCase("web.socket", "[Socket]\nListenStream=80\n", UnitFileKind.SystemdUnit)]
    [TestCase("backup.timer", "[Timer]\nOnCalendar=daily\n", UnitFileKind.SystemdUnit)]
    [TestCase("override.conf", "[Service]\nUser=x\n", UnitFileKind.DropIn)]
    [TestCase("web.container", "[Container]\nImage=nginx\n", UnitFileKind.Quadlet)]
    [TestCase("web.pod", "[Pod]\nPublishPort=8080:80\n", UnitFileKind.Quadlet)]
    [TestCase("web.kube", "[Kube]\nYaml=web.yml\n", UnitFileKind.Quadlet)]
    [TestCase("web.network", "[Network]\nSubnet=10.89.0.0/24\n", UnitFileKind.Quadlet)]
    [TestCase("web.volume", "[Volume]\n", UnitFileKind.Quadlet)]
    [TestCase("web.image", "[Image]\nImage=nginx\n", UnitFileKind.Quadlet)]
    [TestCase("web.build", "[Build]\nImageTag=web\n", UnitFileKind.Quadlet)]
    [TestCase("web.container", DBusActivationFile, UnitFileKind.Quadlet)]
    [TestCase("10-br0.network", "[Match]\nName=br0\n[Network]\nDHCP=yes\n", UnitFileKind.Other)]
    [TestCase("web.SERVICE", "[Unit]\n", UnitFileKind.Other)]
    [TestCase("README", "[Unit]\n", UnitFileKind.Other)]
    public void Classification_uses_the_extension_and_for_service_files_the_content(string fileName, string text, UnitFileKind kind)
    {
        Assert.That(UnitFileSyntax.Classify(fileName, Parse(text)), Is.EqualTo(kind));
    }

    private static UnitFileSyntax Parse(string text) => UnitFileSyntax.Parse(SourceText.From(text));
}
