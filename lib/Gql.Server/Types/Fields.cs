using Gql.Language.Ast;
using Gql.Server.Execution;

namespace Gql.Server.Types;

/// <summary>An argument of a field or directive, or a field of an input object.</summary>
public sealed class InputField
{
    public InputField(string name, GraphQLType type, string? description = null)
    {
        NameValidator.Ensure(name);
        if (!type.IsInputType)
        {
            throw new ArgumentException($"'{name}' must have an input type, not {type}.", nameof(type));
        }

        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }
    public GraphQLType Type { get; internal set; }
    public string? Description { get; set; }

    /// <summary>The default as a literal, as introspection and SDL show it; null when there is none.</summary>
    public ValueNode? DefaultValue { get; set; }

    public bool HasDefault => DefaultValue is not null;

    public string? DeprecationReason { get; set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public List<AppliedDirective> Directives { get; } = [];

    public Dictionary<string, object?> Metadata { get; } = [];

    /// <summary>The CLR parameter or property this value binds to, when the schema was built from code.</summary>
    public Type? RuntimeType { get; set; }
}

/// <summary>A field of an object or interface type.</summary>
public sealed class OutputField
{
    public OutputField(string name, GraphQLType type, string? description = null)
    {
        NameValidator.Ensure(name);
        if (!type.IsOutputType)
        {
            throw new ArgumentException($"Field '{name}' must have an output type, not {type}.", nameof(type));
        }

        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }
    public GraphQLType Type { get; internal set; }
    public string? Description { get; set; }
    public FieldArguments Arguments { get; } = new();
    public string? DeprecationReason { get; set; }
    public bool IsDeprecated => DeprecationReason is not null;
    public List<AppliedDirective> Directives { get; } = [];

    /// <summary>Resolves the field's value; null means "read the member of the parent with the field's name".</summary>
    public FieldResolver? Resolver { get; set; }

    /// <summary>For subscription root fields: the source stream whose events the resolver maps.</summary>
    public SubscribeResolver? Subscriber { get; set; }

    /// <summary>Middleware wrapped around the resolver, outermost first (authorization, paging, ...).</summary>
    public List<FieldMiddleware> Middleware { get; } = [];

    public Dictionary<string, object?> Metadata { get; } = [];

    /// <summary>Set by the schema when it is built: the type that declares this field.</summary>
    public NamedType DeclaringType { get; internal set; } = null!;

    /// <summary>The resolver with its middleware, composed once when the schema is built.</summary>
    internal FieldResolver? Pipeline { get; set; }

    /// <summary>Set when the field only reads a member of its parent (no middleware): the executor calls it directly.</summary>
    internal Func<object, object?>? ParentReader { get; set; }

    /// <summary>The authorization rules checked before the resolver runs (all must pass); null when there are none.</summary>
    internal Authorization.AuthorizationRule[]? Authorization { get; set; }

    /// <summary>Whether the field is explicitly open to anonymous users (<c>@allowAnonymous</c>).</summary>
    internal bool AllowsAnonymous { get; set; }

    /// <summary>Arguments (filters, sort orders) that can name guarded fields; null when there are none.</summary>
    internal Authorization.ArgumentGuards? ArgumentGuards { get; set; }

    public override string ToString() => $"{DeclaringType?.Name}.{Name}";
}

/// <summary>An ordered set of arguments or input fields, looked up by name.</summary>
public sealed class FieldArguments : OrderedSet<InputField>
{
    protected override string KeyOf(InputField item) => item.Name;
}

/// <summary>An ordered set of output fields, looked up by name.</summary>
public sealed class OutputFields : OrderedSet<OutputField>
{
    protected override string KeyOf(OutputField item) => item.Name;
}

/// <summary>Insertion-ordered items with unique names: schemas keep declaration order for introspection and SDL.</summary>
public abstract class OrderedSet<T> : IReadOnlyList<T>
{
    private readonly List<T> items = [];
    private readonly Dictionary<string, T> byName = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public T this[int index] => items[index];

    public void Add(T item)
    {
        var key = KeyOf(item);
        if (!byName.TryAdd(key, item))
        {
            throw new ArgumentException($"'{key}' is defined more than once.");
        }

        items.Add(item);
    }

    /// <summary>Puts the item in place of the one with the same name, keeping its position; adds it when there is none.</summary>
    public void Replace(T item)
    {
        var key = KeyOf(item);
        if (byName.TryGetValue(key, out var existing))
        {
            items[items.IndexOf(existing)] = item;
            byName[key] = item;
        }
        else
        {
            Add(item);
        }
    }

    public bool Remove(string name)
    {
        if (!byName.Remove(name, out var item))
        {
            return false;
        }

        items.Remove(item);
        return true;
    }

    public T? Find(string name) => byName.GetValueOrDefault(name);

    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T item) => byName.TryGetValue(name, out item);

    public bool Contains(string name) => byName.ContainsKey(name);

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    protected abstract string KeyOf(T item);
}
