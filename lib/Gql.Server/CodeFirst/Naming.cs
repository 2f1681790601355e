using System.Reflection;
using System.Text;

namespace Gql.Server;

/// <summary>Hot Chocolate's naming conventions: camelCase fields, <c>GetX</c> becomes <c>x</c>, SCREAMING_CASE enum values.</summary>
public static class Naming
{
    public static string FieldName(MemberInfo member)
    {
        if (member.GetCustomAttribute<GraphQLNameAttribute>() is { } named)
        {
            return named.Name;
        }

        var name = member.Name;
        if (member is MethodInfo)
        {
            if (name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5)
            {
                name = name[..^5];
            }

            if (name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3]))
            {
                name = name[3..];
            }
        }

        return CamelCase(name);
    }

    public static string CamelCase(string name)
    {
        if (name.Length == 0 || char.IsLower(name[0]))
        {
            return name;
        }

        // "ID" -> "id", "MRNNumber" -> "mrnNumber": lower the leading run of capitals but keep the next word's start.
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    public static string EnumValue(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    public static string TypeName(Type type)
    {
        if (type.GetCustomAttribute<GraphQLNameAttribute>() is { } named)
        {
            return named.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick] + "Of" + string.Concat(type.GetGenericArguments().Select(TypeName));
    }
}
