using System.Text;

namespace Gql.Client.Generator;

/// <summary>Writes indented C# source with \n line ends.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder builder = new StringBuilder();
    private int indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indent * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        indent--;
        return Line("}" + suffix);
    }

    public CodeWriter Summary(string? text)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return this;
        }

        Line("/// <summary>");
        foreach (var line in text.Trim().Replace("\r\n", "\n").Split('\n'))
        {
            Line(("/// " + Naming.XmlEscape(line.TrimEnd())).TrimEnd());
        }

        return Line("/// </summary>");
    }

    public override string ToString() => builder.ToString();
}
