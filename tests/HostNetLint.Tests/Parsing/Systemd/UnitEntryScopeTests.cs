using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing.Systemd;

[TestFixture]
public sealed class UnitEntryScopeTests
{
    private const string Unit =
        "[Unit]\n" +
        "After=network-online.target\n" +
        "After=libvirtd.service  virtqemud.socket\n" +
        "Wants=a.service\n" +
        "Wants=\n" +
        "Wants=b.service\n" +
        "[Service]\n" +
        "Type=simple\n" +
        "Type=notify\n" +
        "Environment=A=1\n" +
        "Environment=\n" +
        "Environment=\"B=2 3\"\n";

    [Test]
    public void Repeated_list_assignments_accumulate_with_a_span_per_word()
    {
        var text = SourceText.From(Unit, "web.service");
        var after = UnitFileSyntax.Parse(text).GetSection("Unit")!.GetList("After");

        Assert.That(after.Select(i => i.Text), Is.EqualTo(new[] { "network-online.target", "libvirtd.service", "virtqemud.socket" }));
        Assert.That(after.Select(i => i.Span), Is.EqualTo(new[]
        {
            new TextSpan(13, 21),
            new TextSpan(41, 16),
            new TextSpan(59, 16),
        }));
        Assert.That(after.Select(i => text.ToString(i.Span)), Is.EqualTo(after.Select(i => i.Text)));
        Assert.That(after[2].Location.ToString(), Is.EqualTo("web.service(3,25)"));
    }

    [Test]
    public void An_empty_assignment_drops_the_items_before_it()
    {
        var unit = UnitFileSyntax.Parse(SourceText.From(Unit)).GetSection("Unit")!;

        var wants = unit.GetList("Wants");
        Assert.That(wants.Select(i => i.Text), Is.EqualTo(new[] { "b.service" }));
        Assert.That(wants[0].Entry.FirstLine, Is.EqualTo(5));
    }

    [Test]
    public void Get_last_returns_the_winning_assignment_of_a_single_valued_key()
    {
        var service = UnitFileSyntax.Parse(SourceText.From(Unit)).GetSection("Service")!;

        var type = service.GetLast("Type")!;
        Assert.That(type.Value.Text, Is.EqualTo("notify"));
        Assert.That(type.FirstLine, Is.EqualTo(8));
        Assert.That(service.GetLast("User"), Is.Null);
    }

    [Test]
    public void Get_all_returns_raw_entries_and_get_effective_applies_the_reset()
    {
        var service = UnitFileSyntax.Parse(SourceText.From(Unit)).GetSection("Service")!;

        Assert.That(service.GetAll("Environment").Select(e => e.Value.Text), Is.EqualTo(new[] { "A=1", string.Empty, "\"B=2 3\"" }));
        Assert.That(service.GetEffective("Environment").Select(e => e.Value.Text), Is.EqualTo(new[] { "\"B=2 3\"" }));
        Assert.That(service.Contains("Environment"), Is.True);
    }

    [Test]
    public void A_trailing_empty_assignment_leaves_an_empty_list()
    {
        var unit = UnitFileSyntax.Parse(SourceText.From("[Unit]\nAfter=a b\nAfter=\n")).GetSection("Unit")!;

        Assert.That(unit.GetList("After"), Is.Empty);
        Assert.That(unit.GetEffective("After"), Is.Empty);
        Assert.That(unit.GetLast("After")!.IsEmptyAssignment, Is.True);
    }

    [Test]
    public void List_words_are_split_at_tabs_too()
    {
        var unit = UnitFileSyntax.Parse(SourceText.From("[Install]\nWantedBy=\tmulti-user.target\tdefault.target \n")).GetSection("Install")!;

        Assert.That(unit.GetList("WantedBy").Select(i => (i.Text, i.Span)), Is.EqualTo(new[]
        {
            ("multi-user.target", new TextSpan(20, 17)),
            ("default.target", new TextSpan(38, 14)),
        }));
    }
}
