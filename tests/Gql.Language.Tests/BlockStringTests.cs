using Gql.Language;

namespace Gql.Language.Tests;

public sealed class BlockStringTests
{
    private static void AssertDedent(string[] lines, string[] expected)
    {
        Assert.Equal(expected, BlockString.DedentBlockStringLines(lines));
    }

    [Fact]
    public void Dedent_EmptyString_ProducesNoLines()
    {
        AssertDedent(new[] { string.Empty }, Array.Empty<string>());
    }

    [Fact]
    public void Dedent_FirstLine_IsNeverDedented()
    {
        AssertDedent(new[] { "  a" }, new[] { "  a" });
        AssertDedent(new[] { " a", "  b" }, new[] { " a", "b" });
    }

    [Fact]
    public void Dedent_RemovesMinimalIndentation()
    {
        AssertDedent(new[] { "", " a", "  b" }, new[] { "a", " b" });
        AssertDedent(new[] { "", "  a", " b" }, new[] { " a", "b" });
        AssertDedent(new[] { "", "  a", " b", "c" }, new[] { "  a", " b", "c" });
    }

    [Fact]
    public void Dedent_TabsAndSpaces_CountAsOneCharacterEach()
    {
        AssertDedent(new[] { "", "\ta", "          b" }, new[] { "a", "         b" });
        AssertDedent(new[] { "", "\t a", "          b" }, new[] { "a", "        b" });
        AssertDedent(new[] { "", " \t a", "          b" }, new[] { "a", "       b" });
    }

    [Fact]
    public void Dedent_BlankLines_DoNotAffectIndentation()
    {
        AssertDedent(new[] { "a", "", " b" }, new[] { "a", "", "b" });
        AssertDedent(new[] { "a", " ", "  b" }, new[] { "a", "", "b" });
    }

    [Fact]
    public void Dedent_UniformIndentation_IsRemoved()
    {
        AssertDedent(
            new[] { "", "    Hello,", "      World!", "", "    Yours,", "      GraphQL." },
            new[] { "Hello,", "  World!", "", "Yours,", "  GraphQL." });
    }

    [Fact]
    public void Dedent_EmptyAndBlankLeadingAndTrailingLines_AreRemoved()
    {
        AssertDedent(
            new[] { "", "", "    Hello,", "      World!", "", "    Yours,", "      GraphQL.", "", "" },
            new[] { "Hello,", "  World!", "", "Yours,", "  GraphQL." });
        AssertDedent(
            new[] { "  ", "        ", "    Hello,", "      World!", "", "    Yours,", "      GraphQL.", "        ", "  " },
            new[] { "Hello,", "  World!", "", "Yours,", "  GraphQL." });
    }

    [Fact]
    public void Dedent_FirstLineIndentation_IsRetained()
    {
        AssertDedent(
            new[] { "    Hello,", "      World!", "", "    Yours,", "      GraphQL." },
            new[] { "    Hello,", "  World!", "", "Yours,", "  GraphQL." });
    }

    [Fact]
    public void Dedent_TrailingSpaces_AreKept()
    {
        AssertDedent(
            new[] { "               ", "    Hello,     ", "      World!   ", "               ", "    Yours,     ", "      GraphQL. ", "               " },
            new[] { "Hello,     ", "  World!   ", "           ", "Yours,     ", "  GraphQL. " });
    }

    [Fact]
    public void GetValue_SplitsOnEveryLineTerminator()
    {
        Assert.Equal("a\nb\nc", BlockString.GetValue("\n  a\r\n  b\r  c\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" a")]
    [InlineData("\t\"\n\"")]
    public void IsPrintable_ValidStrings_AreAccepted(string value)
    {
        Assert.True(BlockString.IsPrintableAsBlockString(value));
    }

    [Theory]
    [InlineData("\t\"\n \n\t\"")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\t ")]
    [InlineData(" \t")]
    [InlineData("\u0000")]
    [InlineData("a\u0000b")]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("\n\n\n")]
    [InlineData(" \n  \n")]
    [InlineData("\t\n\t\t\n")]
    [InlineData("\r")]
    [InlineData("\n\r")]
    [InlineData("\r\n")]
    [InlineData("a\rb")]
    [InlineData("\na")]
    [InlineData(" \na")]
    [InlineData("\t\na")]
    [InlineData("\n\na")]
    [InlineData("a\n")]
    [InlineData("a\n ")]
    [InlineData("a\n\t")]
    [InlineData("a\n\n")]
    public void IsPrintable_StringsThatWouldChange_AreRejected(string value)
    {
        Assert.False(BlockString.IsPrintableAsBlockString(value));
    }

    [Theory]
    [InlineData("\" \\ / \b \f \n \r \t", "\"\"\"\n\" \\ / \b \f \n \r \t\n\"\"\"", "\"\"\"\n\" \\ / \b \f \n \r \t\"\"\"")]
    [InlineData("one liner", "\"\"\"one liner\"\"\"", "\"\"\"one liner\"\"\"")]
    [InlineData("triple quotation \"\"\"", "\"\"\"\ntriple quotation \\\"\"\"\n\"\"\"", "\"\"\"triple quotation \\\"\"\"\"\"\"")]
    [InlineData("    space-led string", "\"\"\"    space-led string\"\"\"", "\"\"\"    space-led string\"\"\"")]
    [InlineData("    space-led value \"quoted string\"", "\"\"\"    space-led value \"quoted string\"\n\"\"\"", "\"\"\"    space-led value \"quoted string\"\n\"\"\"")]
    [InlineData("backslash \\", "\"\"\"\nbackslash \\\n\"\"\"", "\"\"\"backslash \\\n\"\"\"")]
    [InlineData("no indent\n with indent", "\"\"\"\nno indent\n with indent\n\"\"\"", "\"\"\"\nno indent\n with indent\"\"\"")]
    [InlineData(
        "    first  \n  line     \nindentation\n     string",
        "\"\"\"\n    first  \n  line     \nindentation\n     string\n\"\"\"",
        "\"\"\"    first  \n  line     \nindentation\n     string\"\"\"")]
    public void Print_BlockStrings_MatchGraphQLJs(string value, string readable, string minimized)
    {
        Assert.Equal(readable, BlockString.Print(value));
        Assert.Equal(minimized, BlockString.Print(value, minimize: true));
    }

    [Fact]
    public void Print_LongSingleLine_IsPrintedOnItsOwnLine()
    {
        var value = new string('x', 71);
        Assert.Equal("\"\"\"\n" + value + "\n\"\"\"", BlockString.Print(value));
    }

    [Fact]
    public void Print_PrintableValues_RoundTripThroughTheLexer()
    {
        var values = new[]
        {
            "", "a", " a", "a\nb", "a\n b", " a\nb", "  a\n  b", " a\n b", "a \"\"\" b", "ends with \"", "ends with \\", "\"\"\"",
            "tab\tinside", "x\n\n\ny", "a\\\"\"\"b",
        };

        foreach (var value in values)
        {
            if (!BlockString.IsPrintableAsBlockString(value))
            {
                continue;
            }

            foreach (var minimize in new[] { false, true })
            {
                var printed = BlockString.Print(value, minimize);
                var token = new Lexer(printed).Advance();
                Assert.Equal(TokenKind.BlockString, token.Kind);
                Assert.Equal(value, token.Value);
            }
        }
    }
}
