using System.Globalization;
using System.Text;

namespace Hospital.Data.Entities;

/// <summary>
/// The one normalisation of search columns and of what staff type: lower case, accents removed, every run of other
/// characters one space. Searching is then a prefix range on an ordinary index (<see cref="PrefixEnd"/>), the same on
/// SQLite, PostgreSQL and MySQL, instead of a scan of lower(...).
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The digits of a phone number, or null when it has none.</summary>
    public static string? Digits(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>
    /// The smallest string above every string that starts with <paramref name="prefix"/> (in ordinal order, which the
    /// search columns use on every database): <c>column &gt;= prefix AND column &lt; PrefixEnd(prefix)</c> is the prefix
    /// match as an index range.
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] != char.MaxValue)
            {
                chars[i]++;
                return new string(chars, 0, i + 1);
            }
        }

        return prefix + char.MaxValue;
    }
}
