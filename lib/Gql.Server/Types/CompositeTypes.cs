namespace Gql.Server.Types;

/// <summary>Object and interface types: named types with fields and implemented interfaces.</summary>
public abstract class ComplexType(string name, string? description) : NamedType(name, description)
{
    public OutputFields Fields { get; } = new();

    public List<InterfaceType> Interfaces { get; } = [];

    public bool Implements(InterfaceType type) => Interfaces.Exists(i => ReferenceEquals(i, type));
}

public sealed class ObjectType(string name, string? description = null) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>The CLR type whose instances this object type represents, used to resolve abstract types.</summary>
    public Type? RuntimeType { get; set; }

    /// <summary>Decides whether a value is of this type; by default an instance test of <see cref="RuntimeType"/>.</summary>
    public Func<object, bool>? IsTypeOf { get; set; }

    /// <summary>Rules every value of this type must pass when it is completed (its own and its interfaces'); null when none.</summary>
    internal Authorization.AuthorizationRule[]? Authorization { get; set; }

    /// <summary>Whether the type is explicitly open to anonymous users (<c>@allowAnonymous</c>).</summary>
    internal bool AllowsAnonymous { get; set; }

    public bool IsInstance(object value) =>
        IsTypeOf?.Invoke(value) ?? (RuntimeType is not null && RuntimeType.IsInstanceOfType(value));
}

public sealed class InterfaceType(string name, string? description = null) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Interface;

    public Type? RuntimeType { get; set; }

    /// <summary>Picks the object type of a value; by default the first possible type whose IsTypeOf accepts it.</summary>
    public Func<object, Schema, ObjectType?>? ResolveType { get; set; }
}

public sealed class UnionType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Union;

    public List<ObjectType> Types { get; } = [];

    public Type? RuntimeType { get; set; }

    public Func<object, Schema, ObjectType?>? ResolveType { get; set; }
}

public sealed class EnumType(string name, string? description = null) : NamedType(name, description)
{
    private readonly Dictionary<object, EnumValue> byRuntimeValue = [];

    public override TypeKind Kind => TypeKind.Enum;

    public EnumValues Values { get; } = new();

    public Type? RuntimeType { get; set; }

    public EnumType Add(EnumValue value)
    {
        Values.Add(value);
        byRuntimeValue[value.Value] = value;
        return this;
    }

    /// <summary>The enum value for a CLR value (or its name), or null when it is not one of them.</summary>
    public EnumValue? FindByRuntimeValue(object value) =>
        byRuntimeValue.GetValueOrDefault(value) ?? (value is string s ? Values.Find(s) : null);
}

public sealed class EnumValue
{
    public EnumValue(string name, object? value = null, string? description = null)
    {
        NameValidator.Ensure(name);
        if (name is "true" or "false" or "null")
        {
            throw new ArgumentException($"'{name}' cannot be an enum value.", nameof(name));
        }

        Name = name;
        Value = value ?? name;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The CLR value the enum value stands for (the name itself when none was given).</summary>
    public object Value { get; }

    public string? Description { get; set; }
    public string? DeprecationReason { get; set; }
    public bool IsDeprecated => DeprecationReason is not null;
    public List<AppliedDirective> Directives { get; } = [];
}

public sealed class EnumValues : OrderedSet<EnumValue>
{
    protected override string KeyOf(EnumValue item) => item.Name;
}

public sealed class InputObjectType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.InputObject;

    public FieldArguments Fields { get; } = new();

    /// <summary>The <c>@oneOf</c> input objects of the draft spec: exactly one field, non-null.</summary>
    public bool IsOneOf { get; set; }

    /// <summary>The CLR type coerced values are turned into; null keeps them as dictionaries.</summary>
    public Type? RuntimeType { get; set; }

    /// <summary>Builds the CLR value from the coerced fields; set by the code-first builder.</summary>
    public Func<IReadOnlyDictionary<string, object?>, object>? Factory { get; set; }
}

public sealed class DirectiveType
{
    public DirectiveType(string name, IEnumerable<Gql.Language.DirectiveLocation> locations, string? description = null, bool isRepeatable = false)
    {
        NameValidator.Ensure(name);
        Name = name;
        Locations = locations.ToList();
        Description = description;
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }
    public string? Description { get; set; }
    public IReadOnlyList<Gql.Language.DirectiveLocation> Locations { get; }
    public FieldArguments Arguments { get; } = new();
    public bool IsRepeatable { get; }

    /// <summary>Directives the spec defines: they are not printed in SDL.</summary>
    public bool IsBuiltIn { get; internal set; }
}
