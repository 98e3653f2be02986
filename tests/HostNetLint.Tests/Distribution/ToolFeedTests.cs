using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using HostNetLint.Tests.TestSupport;
using static HostNetLint.Tests.TestSupport.ToolPackaging;

namespace HostNetLint.Tests.Distribution;

/// <summary>
/// The feed layout (<c>-p:HostNetLintToolFeed=true</c>, README "Install"): .NET 10's RID-specific tool packages, a
/// pointer package that names a Native AOT package per RID and the framework-dependent <c>any</c> package.
/// <c>dotnet tool install</c> from the feed must take the native package on a machine whose RID has one and the
/// <c>any</c> package on every other, and both must run. Packs from a clean copy of the working tree; needs git and a
/// machine that links Native AOT (CI does).
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[NonParallelizable]
public sealed class ToolFeedTests
{
    [Test]
    public void Install_from_the_feed_takes_the_native_package_for_this_machine_and_the_any_package_elsewhere()
    {
        if (!ChildProcess.IsOnPath("git"))
        {
            Assert.Ignore("git is not on PATH: the packages are packed from a clean copy of the repository.");
        }

        if (PackingDecision() != "true")
        {
            Assert.Ignore("this machine cannot link Native AOT (HostNetLint.Cli.csproj), so it cannot pack a native RID package.");
        }

        using var temp = new TempDirectory();
        var (clone, _) = ShadowRepository(temp.Path);
        var rid = "linux-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var otherRid = rid == "linux-x64" ? "linux-arm64" : "linux-x64";

        // As a release packs it on this machine: the pointer naming this RID and the fallback, then each package.
        var feed = Path.Combine(temp.Path, "feed");
        Pack(feed, $"{rid};any");
        Pack(feed, $"{rid};any", "-r", rid);
        Pack(feed, $"{rid};any", "-r", "any");
        Assert.That(PackageIds(feed), Is.EquivalentTo(new[] { "HostNetLint.Tool", $"HostNetLint.Tool.{rid}", "HostNetLint.Tool.any" }));

        var native = InstallTool(temp.Path, feed, "native");
        var nativeTarget = File.ResolveLinkTarget(native, returnFinalTarget: true)?.FullName ?? native;
        Assert.Multiple(() =>
        {
            Assert.That(nativeTarget, Does.Contain($"hostnetlint.tool.{rid}"), "the package for this machine's RID");
            Assert.That(IsElf(nativeTarget), Is.True);
            Assert.That(HasStartUpLayout(nativeTarget), Is.True, "the AOT binary's start-up layout (fixed address, no dehydrated data)");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(nativeTarget)!).Select(Path.GetFileName), Has.None.EndsWith(".dll").And.None.EndsWith(".dbg").And.None.EndsWith(".pdb"), "one native executable, no IL, no symbols");
        });
        AssertReportsTheSample(native);

        // A machine whose RID has no native package: a pointer naming another RID and the fallback, beside the same any.
        var elsewhere = Path.Combine(temp.Path, "feed-elsewhere");
        Pack(elsewhere, $"{otherRid};any");
        foreach (var fallback in Directory.GetFiles(feed, "HostNetLint.Tool.any.*.nupkg"))
        {
            File.Copy(fallback, Path.Combine(elsewhere, Path.GetFileName(fallback)));
        }

        var portable = InstallTool(temp.Path, elsewhere, "portable");
        var store = Path.Combine(Path.GetDirectoryName(portable)!, ".store");
        Assert.Multiple(() =>
        {
            Assert.That(Directory.EnumerateFiles(store, "hostnetlint.dll", SearchOption.AllDirectories).Single(), Does.Contain("hostnetlint.tool.any"), "the framework-dependent package");
            Assert.That(Directory.EnumerateDirectories(store, $"hostnetlint.tool.{rid}", SearchOption.AllDirectories), Is.Empty, "no native package was on offer");
        });
        AssertReportsTheSample(portable);

        void Pack(string output, string rids, params string[] arguments)
        {
            // The RID list by environment (MSBuild reads it as a property): a ';' in a -p value needs shell-specific quoting.
            var result = DotnetProcess.Run(clone, ToolPackaging.Timeout, new Dictionary<string, string?> { ["HostNetLintToolRids"] = rids },
                ["pack", Path.Combine("src", "HostNetLint.Cli"), "--configuration", "Release", "-p:HostNetLintToolFeed=true", "--output", output, .. arguments]);
            Assert.That(result.ExitCode, Is.Zero, result.Output);
        }
    }

    private static IEnumerable<string> PackageIds(string feed) =>
        Directory.GetFiles(feed, "*.nupkg").Select(p => Regex.Replace(Path.GetFileNameWithoutExtension(p), @"\.\d+\.\d+\.\d+(-.*)?$", string.Empty));
}
