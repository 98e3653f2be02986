namespace HostNetLint.Tests.LanguageServer;

/// <summary><c>hostnetlint lsp</c> as editors run it: a child process spoken to over stdio by our own client.</summary>
[TestFixture]
public sealed class LanguageServerProtocolTests
{
    private static LspTestClient Start(string directory) => LspTestClient.StartJit(directory);

    [Test]
    public Task Initialize_announces_the_capabilities_and_shutdown_then_exit_ends_with_0() =>
        LanguageServerScenarios.InitializeAnnouncesCapabilitiesAndShutsDownWithExitCode0(Start);

    [Test]
    public Task Diagnostics_after_didOpen_have_the_exact_ranges_codes_and_evidence() =>
        LanguageServerScenarios.DiagnosticsAfterOpenHaveExactRanges(Start);

    [Test]
    public Task An_incremental_didChange_clears_a_finding() => LanguageServerScenarios.ChangeClearsAFinding(Start);

    [Test]
    public Task Cross_file_findings_follow_the_unsaved_buffers() => LanguageServerScenarios.CrossFileFindingsFollowUnsavedBuffers(Start);

    [Test]
    public Task Fix_all_in_file_equals_hostnetlint_fix_byte_for_byte() => LanguageServerScenarios.FixAllInFileEqualsTheCliFixByteForByte(Start);

    [Test]
    public Task A_cancelled_request_is_answered_with_RequestCancelled() => LanguageServerScenarios.CancelledRequestIsAnsweredWithRequestCancelled(Start);

    [Test]
    public Task Requests_before_initialize_are_refused_and_exit_without_shutdown_ends_with_1() =>
        LanguageServerScenarios.ExitWithoutShutdownEndsWithExitCode1(Start);
}
