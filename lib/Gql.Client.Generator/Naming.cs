using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Gql.Client.Generator;

/// <summary>GraphQL names to C# names.</summary>
internal static class Naming
{
    public static string Type(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    public static string Property(string responseName) =>
        responseName.StartsWith("__", System.StringComparison.Ordinal) ? responseName : Escape(Type(responseName));

    public static string Parameter(string name) =>
        Escape(name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1));

    /// <summary>SCREAMING_CASE to PascalCase (<c>CHECKED_IN</c> to <c>CheckedIn</c>); other names get an upper-case first letter.</summary>
    public static string EnumMember(string value)
    {
        var hasLower = false;
        foreach (var c in value)
        {
            hasLower |= char.IsLower(c);
        }

        if (hasLower)
        {
            return Escape(Type(value));
        }

        var builder = new StringBuilder(value.Length);
        foreach (var part in value.Split('_'))
        {
            if (part.Length > 0)
            {
                builder.Append(part[0]).Append(part.Substring(1).ToLowerInvariant());
            }
        }

        return builder.Length == 0 ? "_" + value : builder.ToString();
    }

    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    public static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    public static string XmlEscape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
