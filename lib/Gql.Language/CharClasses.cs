namespace Gql.Language;

/// <summary>The spec's character classes; ASCII only, so plain range checks suffice.</summary>
internal static class CharClasses
{
    public static bool IsDigit(int code)
    {
        return code >= '0' && code <= '9';
    }

    public static bool IsLetter(int code)
    {
        return (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z');
    }

    public static bool IsNameStart(int code)
    {
        return IsLetter(code) || code == '_';
    }

    public static bool IsNameContinue(int code)
    {
        return IsLetter(code) || IsDigit(code) || code == '_';
    }

    public static bool IsWhiteSpace(int code)
    {
        return code == ' ' || code == '\t';
    }
}
