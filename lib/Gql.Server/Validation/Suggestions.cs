using System.Text;

namespace Gql.Server.Validation;

/// <summary>graphql-js's "Did you mean" machinery (suggestionList, didYouMean, naturalCompare), ported exactly so the
/// suggestions and their order match.</summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The options close enough to <paramref name="input"/> (Damerau-Levenshtein, case changes cost one),
    /// nearest first, ties in natural order.</summary>
    public static List<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var byDistance = new Dictionary<string, int>(StringComparer.Ordinal);
        var distance = new LexicalDistance(input);
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        foreach (var option in options)
        {
            var d = distance.Measure(option, threshold);
            if (d >= 0)
            {
                byDistance[option] = d;
            }
        }

        var result = new List<string>(byDistance.Keys);
        result.Sort((a, b) =>
        {
            var diff = byDistance[a] - byDistance[b];
            return diff != 0 ? diff : NaturalCompare(a, b);
        });
        return result;
    }

    public static string DidYouMean(IReadOnlyList<string> suggestions)
    {
        return DidYouMean(null, suggestions);
    }

    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }

        var message = new StringBuilder(" Did you mean ");
        if (subMessage is not null)
        {
            message.Append(subMessage).Append(' ');
        }

        switch (suggestions.Count)
        {
            case 1:
                return message.Append('"').Append(suggestions[0]).Append("\"?").ToString();
            case 2:
                return message.Append('"').Append(suggestions[0]).Append("\" or \"").Append(suggestions[1]).Append("\"?").ToString();
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        for (var i = 0; i < count - 1; i++)
        {
            message.Append('"').Append(suggestions[i]).Append("\", ");
        }

        return message.Append("or \"").Append(suggestions[count - 1]).Append("\"?").ToString();
    }

    /// <summary>Compares strings with runs of digits compared as numbers ("a2" before "a10").</summary>
    public static int NaturalCompare(string a, string b)
    {
        var aIndex = 0;
        var bIndex = 0;
        while (aIndex < a.Length && bIndex < b.Length)
        {
            var aChar = a[aIndex];
            var bChar = b[bIndex];
            if (char.IsAsciiDigit(aChar) && char.IsAsciiDigit(bChar))
            {
                long aNum = 0;
                do
                {
                    ++aIndex;
                    aNum = (aNum * 10) + aChar - '0';
                    aChar = aIndex < a.Length ? a[aIndex] : '\0';
                }
                while (char.IsAsciiDigit(aChar) && aNum > 0);

                long bNum = 0;
                do
                {
                    ++bIndex;
                    bNum = (bNum * 10) + bChar - '0';
                    bChar = bIndex < b.Length ? b[bIndex] : '\0';
                }
                while (char.IsAsciiDigit(bChar) && bNum > 0);

                if (aNum != bNum)
                {
                    return aNum < bNum ? -1 : 1;
                }
            }
            else
            {
                if (aChar != bChar)
                {
                    return aChar < bChar ? -1 : 1;
                }

                ++aIndex;
                ++bIndex;
            }
        }

        return a.Length - b.Length;
    }

    private sealed class LexicalDistance
    {
        private readonly string input;
        private readonly string inputLowerCase;
        private readonly int[][] rows;

        public LexicalDistance(string input)
        {
            this.input = input;
            inputLowerCase = input.ToLowerInvariant();
            rows = [new int[input.Length + 1], new int[input.Length + 1], new int[input.Length + 1]];
        }

        /// <summary>The distance, or -1 when it exceeds <paramref name="threshold"/>.</summary>
        public int Measure(string option, int threshold)
        {
            if (input == option)
            {
                return 0;
            }

            var optionLowerCase = option.ToLowerInvariant();

            // Any case change counts as a single edit.
            if (inputLowerCase == optionLowerCase)
            {
                return 1;
            }

            var a = optionLowerCase;
            var b = inputLowerCase;
            if (a.Length < b.Length)
            {
                (a, b) = (b, a);
            }

            var aLength = a.Length;
            var bLength = b.Length;
            if (aLength - bLength > threshold)
            {
                return -1;
            }

            for (var j = 0; j <= bLength; j++)
            {
                rows[0][j] = j;
            }

            for (var i = 1; i <= aLength; i++)
            {
                var upRow = rows[(i - 1) % 3];
                var currentRow = rows[i % 3];
                var smallestCell = currentRow[0] = i;
                for (var j = 1; j <= bLength; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        // Transposition.
                        currentCell = Math.Min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
                    }

                    if (currentCell < smallestCell)
                    {
                        smallestCell = currentCell;
                    }

                    currentRow[j] = currentCell;
                }

                // Early exit: the distance cannot get smaller than the smallest cell of the previous row.
                if (smallestCell > threshold)
                {
                    return -1;
                }
            }

            var distance = rows[aLength % 3][bLength];
            return distance <= threshold ? distance : -1;
        }
    }
}
