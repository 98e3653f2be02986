namespace HostNetLint.Reporting.Sarif;

/// <summary>GitHub code scanning's upload limits; a file over any of them is rejected, so the writer stays under them.</summary>
internal static class SarifLimits
{
    public const int MaxResultsPerRun = 25_000;

    /// <summary>Of a larger run GitHub shows only this many, the most severe.</summary>
    public const int MaxResultsShown = 5_000;

    /// <summary>GitHub accepts 1,000 but keeps only 100, so more would be dropped silently.</summary>
    public const int MaxRelatedLocationsPerResult = 100;

    /// <summary>GitHub accepts 20 but keeps only 10.</summary>
    public const int MaxTagsPerRule = 10;

    public const int MaxRuleNameLength = 255;

    public const int MaxDescriptionLength = 1024;
}
