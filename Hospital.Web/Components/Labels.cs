using Hospital.Web.GraphQL;

namespace Hospital.Web.Components;

/// <summary>Words staff read for the API's enum values.</summary>
public static class Labels
{
    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        Sex.Intersex => "Intersex",
        _ => "Unknown",
    };

    public static string Of(Enum value)
    {
        // SCREAMING_CASE members arrive as PascalCase: "LifeThreatening" -> "Life threatening".
        var name = value.ToString();
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
