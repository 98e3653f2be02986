using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

[TestFixture]
public sealed class UnitDefinitionTests
{
    private static readonly UnitFileSyntax Main = Parse(
        "/usr/lib/systemd/system/web.service",
        "[Unit]\nAfter=a.service b.service\n[Service]\nType=simple\nExecStart=/bin/main\nEnvironment=A=1\n");

    private static readonly UnitFileSyntax TwentyB = Parse(
        "/etc/systemd/system/web.service.d/20-b.conf",
        "[Unit]\nAfter=\nAfter=c.service\n");

    private static readonly UnitFileSyntax TenA = Parse(
        "/etc/systemd/system/web.service.d/10-a.conf",
        "[Unit]\nAfter=d.service\n[Service]\nExecStart=\nExecStart=/bin/override --flag\nType=notify\n");

    [Test]
    public void Drop_ins_apply_in_lexical_order_of_file_name_whatever_order_they_are_given_in()
    {
        var unit = UnitFileSyntax.MergeDropIns(Main, [TwentyB, TenA]);

        Assert.That(unit.DropIns, Is.EqualTo(new[] { TenA, TwentyB }));
        Assert.That(unit.Files, Is.EqualTo(new[] { Main, TenA, TwentyB }));
        Assert.That(unit.GetSection("Service")!.GetLast("Type")!.Value.Text, Is.EqualTo("notify"));
    }

    [Test]
    public void An_empty_assignment_in_a_later_drop_in_resets_the_list_across_files()
    {
        var unit = UnitFileSyntax.MergeDropIns(Main, [TwentyB, TenA]);

        var after = unit.GetSection("Unit")!.GetList("After");
        Assert.That(after.Select(i => i.Text), Is.EqualTo(new[] { "c.service" }));
        Assert.That(after[0].Location.Path, Is.EqualTo("/etc/systemd/system/web.service.d/20-b.conf"));
        Assert.That(after[0].Span, Is.EqualTo(new TextSpan(20, 9)));
    }

    [Test]
    public void Without_a_reset_drop_in_items_append_and_keep_their_own_file_and_span()
    {
        var unit = UnitFileSyntax.MergeDropIns(Main, [TenA]);

        var after = unit.GetSection("Unit")!.GetList("After");
        Assert.That(after.Select(i => (i.Text, i.Entry.Source.Path, i.Span)), Is.EqualTo(new[]
        {
            ("a.service", "/usr/lib/systemd/system/web.service", new TextSpan(13, 9)),
            ("b.service", "/usr/lib/systemd/system/web.service", new TextSpan(23, 9)),
            ("d.service", "/etc/systemd/system/web.service.d/10-a.conf", new TextSpan(13, 9)),
        }));
    }

    [Test]
    public void The_exec_start_override_idiom_leaves_only_the_drop_in_command()
    {
        var unit = UnitFileSyntax.MergeDropIns(Main, [TenA]);

        var execStart = unit.GetSection("Service")!.GetEffective("ExecStart").Single();
        Assert.That(execStart.Source, Is.SameAs(TenA.Text));
        Assert.That(ExecCommandLine.Parse(execStart).Command!.Executable.Value, Is.EqualTo("/bin/override"));
        Assert.That(unit.GetSection("Service")!.GetAll("ExecStart"), Has.Length.EqualTo(3));
    }

    [Test]
    public void For_equal_file_names_the_first_given_drop_in_masks_the_later_one()
    {
        var etc = Parse("/etc/systemd/system/web.service.d/override.conf", "[Service]\nUser=etc\n");
        var lib = Parse("/usr/lib/systemd/system/web.service.d/override.conf", "[Service]\nUser=lib\n");

        var unit = UnitFileSyntax.MergeDropIns(Main, [etc, lib]);

        Assert.That(unit.DropIns, Is.EqualTo(new[] { etc }));
        Assert.That(unit.GetSection("Service")!.GetLast("User")!.Value.Text, Is.EqualTo("etc"));
    }

    [Test]
    public void A_section_only_a_drop_in_has_is_found_and_a_missing_one_is_null()
    {
        var unit = UnitFileSyntax.MergeDropIns(Main, [Parse("x.conf", "[Install]\nWantedBy=multi-user.target\n")]);

        Assert.That(unit.GetSection("Install")!.GetList("WantedBy").Single().Text, Is.EqualTo("multi-user.target"));
        Assert.That(unit.GetSection("Socket"), Is.Null);
        Assert.That(unit.Kind, Is.EqualTo(UnitFileKind.SystemdUnit));
    }

    private static UnitFileSyntax Parse(string path, string text) => UnitFileSyntax.Parse(SourceText.From(text, path));
}
