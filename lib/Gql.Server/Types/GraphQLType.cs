using System.Text;

namespace Gql.Server.Types;

/// <summary>Any type reference: a named type, or a list or non-null wrapper around one.</summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    public abstract TypeKind Kind { get; }

    /// <summary>The named type at the bottom of any wrappers.</summary>
    public abstract NamedType Named { get; }

    public bool IsNonNull => Kind == TypeKind.NonNull;

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nn ? nn.OfType : this;

    public bool IsInputType => Named.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    public bool IsOutputType => Named.Kind is not TypeKind.InputObject;

    public bool IsLeafType => Named.Kind is TypeKind.Scalar or TypeKind.Enum;

    public bool IsCompositeType => this is ObjectType or InterfaceType or UnionType;

    public bool IsAbstractType => this is InterfaceType or UnionType;

    /// <summary>The type in SDL notation, e.g. <c>[String!]!</c>.</summary>
    public abstract void Print(StringBuilder builder);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Print(builder);
        return builder.ToString();
    }

    /// <summary>Structural equality of type references (the spec's "same type").</summary>
    public static bool AreEqual(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => AreEqual(x.OfType, y.OfType),
        (ListType x, ListType y) => AreEqual(x.OfType, y.OfType),
        (NamedType x, NamedType y) => ReferenceEquals(x, y) || x.Name == y.Name,
        _ => false,
    };
}

public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.List;

    public override NamedType Named => OfType.Named;

    public override void Print(StringBuilder builder)
    {
        builder.Append('[');
        OfType.Print(builder);
        builder.Append(']');
    }
}

public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException("A non-null type cannot wrap another non-null type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.NonNull;

    public override NamedType Named => OfType.Named;

    public override void Print(StringBuilder builder)
    {
        OfType.Print(builder);
        builder.Append('!');
    }
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        NameValidator.Ensure(name);
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; set; }

    /// <summary>Directives applied to the type in the schema (printed in SDL, visible to tools).</summary>
    public List<AppliedDirective> Directives { get; } = [];

    public override NamedType Named => this;

    /// <summary>Free-form data for middleware and tooling (for example the CLR type it came from).</summary>
    public Dictionary<string, object?> Metadata { get; } = [];

    public override void Print(StringBuilder builder) => builder.Append(Name);
}

/// <summary>A directive as applied in the schema, with its literal arguments.</summary>
public sealed record AppliedDirective(string Name, IReadOnlyDictionary<string, Gql.Language.Ast.ValueNode> Arguments);

internal static class NameValidator
{
    public static void Ensure(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid GraphQL name.", nameof(name));
        }
    }

    public static bool IsValid(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
