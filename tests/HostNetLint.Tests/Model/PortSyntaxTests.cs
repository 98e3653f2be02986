using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model;

public class PortSyntaxTests
{
    [TestCase("8080", null, null, null, 8080, 8080, PortProtocol.Tcp)]
    [TestCase("8080:80", null, 8080, 8080, 80, 80, PortProtocol.Tcp)]
    [TestCase("127.0.0.1:8080:80/udp", "127.0.0.1", 8080, 8080, 80, 80, PortProtocol.Udp)]
    [TestCase("127.0.0.1::80", "127.0.0.1", null, null, 80, 80, PortProtocol.Tcp)]
    [TestCase("8000-8010:8000-8010", null, 8000, 8010, 8000, 8010, PortProtocol.Tcp)]
    [TestCase("9090-9091:8080-8081/sctp", null, 9090, 9091, 8080, 8081, PortProtocol.Sctp)]
    [TestCase("[::1]:8080:80", "::1", 8080, 8080, 80, 80, PortProtocol.Tcp)]
    [TestCase("[::1]:8080:80/UDP", "::1", 8080, 8080, 80, 80, PortProtocol.Udp)]
    [TestCase("::1:8080:80", "::1", 8080, 8080, 80, 80, PortProtocol.Tcp)]
    [TestCase("0.0.0.0:5432:5432", "0.0.0.0", 5432, 5432, 5432, 5432, PortProtocol.Tcp)]
    [TestCase("abc:80", null, null, null, 80, 80, PortProtocol.Tcp)]
    [TestCase("99999", null, null, null, null, null, PortProtocol.Tcp)]
    public void Parses_short_syntax(string text, string? hostIp, int? hostStart, int? hostEnd, int? containerStart, int? containerEnd, PortProtocol protocol)
    {
        Assert.That(PortSyntax.ParseShort(text), Is.EqualTo(new PortSpec(hostIp, hostStart, hostEnd, containerStart, containerEnd, protocol)));
    }
}
