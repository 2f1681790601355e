using System.Globalization;
using System.Text;

namespace Gql.Server.Relay;

/// <summary>
/// Marks the method that fetches an object by its key: the type becomes a <c>Node</c> with an opaque global
/// <c>id: ID!</c>, and <c>node(id:)</c>/<c>nodes(ids:)</c> can fetch it. Its first parameter is the key.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeResolverAttribute : Attribute;

/// <summary>An argument that takes the global id of a <typeparamref name="T"/> and passes its key to the resolver.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class IDAttribute<T> : Attribute, IIdAttribute
{
    public Type? NodeType => typeof(T);
}

/// <summary>An argument that takes a global id of any node type.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class IDAttribute : Attribute, IIdAttribute
{
    public Type? NodeType => null;
}

internal interface IIdAttribute
{
    Type? NodeType { get; }
}

/// <summary>Opaque global ids: base64 of <c>TypeName:key</c>, so clients cannot guess or depend on the shape.</summary>
public static class NodeIds
{
    public const string InvalidIdCode = "INVALID_ID";

    public static string Encode(string typeName, object key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + Convert.ToString(key, CultureInfo.InvariantCulture)));

    public static (string TypeName, string Key) Decode(string id)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            var colon = text.IndexOf(':');
            if (colon > 0 && colon < text.Length - 1)
            {
                return (text[..colon], text[(colon + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphQLException($"\"{id}\" is not a valid id.", InvalidIdCode);
    }

    /// <summary>The key of an id of the given type, converted to the key's CLR type.</summary>
    public static object DecodeKey(string id, string? expectedType, Type keyType)
    {
        var (typeName, key) = Decode(id);
        if (expectedType is not null && typeName != expectedType)
        {
            throw new GraphQLException($"The id \"{id}\" is not the id of a {expectedType}.", InvalidIdCode);
        }

        keyType = Nullable.GetUnderlyingType(keyType) ?? keyType;
        try
        {
            return keyType == typeof(Guid) ? Guid.Parse(key) : Convert.ChangeType(key, keyType, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new GraphQLException($"\"{id}\" is not a valid id.", InvalidIdCode);
        }
    }
}
