using Hospital.Data.Entities;

namespace Hospital.Data.Tests;

/// <summary>The one normalisation of search columns and typed text, and the prefix range that makes a search an index seek.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("  O'Brien-Smith ", "o brien smith")]
    [InlineData("Zoë Ångström", "zoe angstrom")]
    [InlineData("JOSÉ", "jose")]
    [InlineData("--", "")]
    [InlineData(null, "")]
    public void Normalize_LowersFoldsAccentsAndKeepsOneSpaceBetweenWords(string? text, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(text));

    [Theory]
    [InlineData("+1 (555) 010-9999", "15550109999")]
    [InlineData("no digits", null)]
    [InlineData(null, null)]
    public void Digits_KeepsOnlyTheDigits(string? phone, string? expected) => Assert.Equal(expected, SearchText.Digits(phone));

    [Fact]
    public void PrefixEnd_BoundsExactlyTheStringsWithThePrefix()
    {
        string[] names = ["smh", "smi", "smith john", "smiz", "smj", "sn", "sm"];

        var end = SearchText.PrefixEnd("smi");
        var inRange = names.Where(n => string.CompareOrdinal(n, "smi") >= 0 && string.CompareOrdinal(n, end) < 0);

        Assert.Equal("smj", end);
        Assert.Equal(["smi", "smith john", "smiz"], inRange);
        Assert.Equal("MRN-00005", SearchText.PrefixEnd("MRN-00004"));
    }
}
