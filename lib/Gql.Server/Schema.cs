using Gql.Language;
using Gql.Server.Introspection;
using Gql.Server.Types;

namespace Gql.Server;

/// <summary>
/// An immutable, validated GraphQL schema: its root operation types, every named type reachable from them and the
/// directives. Build one with <see cref="SchemaBuilder"/> (SDL or code-first) or <see cref="Create"/>.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> types;
    private readonly Dictionary<string, DirectiveType> directives;
    private readonly Dictionary<string, IReadOnlyList<ObjectType>> possibleTypes = [];
    private readonly Dictionary<string, IReadOnlyList<ComplexType>> implementations = [];

    private Schema(ObjectType query, ObjectType? mutation, ObjectType? subscription, Dictionary<string, NamedType> types, Dictionary<string, DirectiveType> directives, string? description)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        this.types = types;
        this.directives = directives;
        Description = description;
        foreach (var type in types.Values)
        {
            switch (type)
            {
                case InterfaceType i:
                    possibleTypes[i.Name] = types.Values.OfType<ObjectType>().Where(o => o.Implements(i)).ToList();
                    implementations[i.Name] = types.Values.OfType<ComplexType>().Where(c => c.Implements(i)).ToList();
                    break;
                case UnionType u:
                    possibleTypes[u.Name] = u.Types;
                    break;
            }
        }
    }

    public string? Description { get; }
    public ObjectType QueryType { get; }
    public ObjectType? MutationType { get; }
    public ObjectType? SubscriptionType { get; }
    public IReadOnlyDictionary<string, NamedType> Types => types;
    public IReadOnlyDictionary<string, DirectiveType> Directives => directives;

    /// <summary>Directives applied to the schema definition itself.</summary>
    public List<Types.AppliedDirective> AppliedDirectives { get; } = [];

    /// <summary>Data shared by every request, e.g. limits and services set by the builder.</summary>
    public Dictionary<string, object?> Metadata { get; } = [];

    public NamedType? FindType(string name) => types.GetValueOrDefault(name);

    public DirectiveType? FindDirective(string name) => directives.GetValueOrDefault(name);

    public ObjectType? RootType(Language.Ast.OperationType operation) => operation switch
    {
        Language.Ast.OperationType.Query => QueryType,
        Language.Ast.OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types a value of an interface or union type can have; for an object type, itself.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType type) => type switch
    {
        ObjectType o => [o],
        _ => possibleTypes.GetValueOrDefault(type.Name) ?? [],
    };

    /// <summary>Object and interface types that implement an interface.</summary>
    public IReadOnlyList<ComplexType> GetImplementations(InterfaceType type) => implementations.GetValueOrDefault(type.Name) ?? [];

    public bool IsPossibleType(NamedType abstractType, ObjectType type) =>
        ReferenceEquals(abstractType, type) || GetPossibleTypes(abstractType).Contains(type);

    /// <summary>Whether <paramref name="maybeSub"/> is a possible type of, or implements, <paramref name="superType"/>.</summary>
    public bool IsSubType(NamedType superType, NamedType maybeSub) => superType switch
    {
        UnionType u => maybeSub is ObjectType o && u.Types.Contains(o),
        InterfaceType i => maybeSub is ComplexType c && c.Implements(i),
        _ => false,
    };

    /// <summary>Whether two composite types can have an object type in common (fragment spread possibility).</summary>
    public bool DoTypesOverlap(NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.IsAbstractType)
        {
            return b.IsAbstractType
                ? GetPossibleTypes(a).Any(t => IsPossibleType(b, t))
                : b is ObjectType ob && IsPossibleType(a, ob);
        }

        return b.IsAbstractType && a is ObjectType oa && IsPossibleType(b, oa);
    }

    /// <summary>
    /// Assembles a schema from root types: collects every reachable named type, adds the specified scalars,
    /// directives and introspection types, then checks the type system rules of the spec.
    /// </summary>
    public static Schema Create(
        ObjectType query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? additionalTypes = null,
        IEnumerable<DirectiveType>? additionalDirectives = null,
        string? description = null)
    {
        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        var pending = new Stack<NamedType>();

        void Add(NamedType type)
        {
            if (types.TryGetValue(type.Name, out var existing))
            {
                if (!ReferenceEquals(existing, type))
                {
                    throw new SchemaException([$"The type name '{type.Name}' is used by two different types."]);
                }

                return;
            }

            types[type.Name] = type;
            pending.Push(type);
        }

        foreach (var scalar in Scalars.Specified)
        {
            Add(scalar);
        }

        foreach (var type in IntrospectionTypes.All)
        {
            Add(type);
        }

        Add(query);
        if (mutation is not null)
        {
            Add(mutation);
        }

        if (subscription is not null)
        {
            Add(subscription);
        }

        foreach (var type in additionalTypes ?? [])
        {
            Add(type);
        }

        var directives = new Dictionary<string, DirectiveType>(StringComparer.Ordinal);
        foreach (var directive in SpecifiedDirectives.All.Concat(additionalDirectives ?? []))
        {
            if (!directives.TryAdd(directive.Name, directive))
            {
                throw new SchemaException([$"The directive '@{directive.Name}' is defined more than once."]);
            }

            foreach (var argument in directive.Arguments)
            {
                Add(argument.Type.Named);
            }
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ComplexType complex:
                    foreach (var i in complex.Interfaces)
                    {
                        Add(i);
                    }

                    foreach (var field in complex.Fields)
                    {
                        field.DeclaringType = complex;
                        Add(field.Type.Named);
                        foreach (var argument in field.Arguments)
                        {
                            Add(argument.Type.Named);
                        }
                    }

                    break;
                case UnionType union:
                    union.Types.ForEach(Add);
                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        Add(field.Type.Named);
                    }

                    break;
            }
        }

        Authorization.AuthorizationCompiler.AddDefinitions(types.Values, directives);
        var schema = new Schema(query, mutation, subscription, types, directives, description);
        var errors = TypeSystemValidator.Validate(schema);
        if (errors.Count == 0)
        {
            errors = Authorization.AuthorizationCompiler.Compile(schema);
        }

        if (errors.Count > 0)
        {
            throw new SchemaException(errors);
        }

        Execution.ResolverPipeline.Compose(schema);
        return schema;
    }
}

/// <summary>The schema breaks rules of the type system; <see cref="Errors"/> lists each one.</summary>
public sealed class SchemaException(IReadOnlyList<string> errors) : Exception("Invalid schema: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>The directives every schema has: @skip, @include, @deprecated, @specifiedBy, @oneOf.</summary>
public static class SpecifiedDirectives
{
    public static DirectiveType Skip { get; } = Build("skip", "Directs the executor to skip this field or fragment when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        new InputField("if", new NonNullType(Scalars.Boolean), "Skipped when true."));

    public static DirectiveType Include { get; } = Build("include", "Directs the executor to include this field or fragment only when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        new InputField("if", new NonNullType(Scalars.Boolean), "Included when true."));

    public static DirectiveType Deprecated { get; } = Build("deprecated", "Marks an element of a GraphQL schema as no longer supported.",
        [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue],
        new InputField("reason", Scalars.String, "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
        {
            DefaultValue = new Language.Ast.StringValueNode("No longer supported", false),
        });

    public static DirectiveType SpecifiedBy { get; } = Build("specifiedBy", "Exposes a URL that specifies the behavior of this scalar.",
        [DirectiveLocation.Scalar],
        new InputField("url", new NonNullType(Scalars.String), "The URL that specifies the behavior of this scalar."));

    public static DirectiveType OneOf { get; } = Build("oneOf", "Indicates exactly one field must be supplied and this field must not be `null`.",
        [DirectiveLocation.InputObject]);

    public static IReadOnlyList<DirectiveType> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    private static DirectiveType Build(string name, string description, DirectiveLocation[] locations, params InputField[] arguments)
    {
        var directive = new DirectiveType(name, locations, description) { IsBuiltIn = true };
        foreach (var argument in arguments)
        {
            directive.Arguments.Add(argument);
        }

        return directive;
    }
}
