using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server.Introspection;

/// <summary>The introspection system of spec section 4: <c>__Schema</c>, <c>__Type</c> and friends, resolved over the schema model.</summary>
public static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        TypeKindEnum = new EnumType("__TypeKind", "An enum describing what kind of type a given `__Type` is.");
        foreach (var (kind, name, description) in new[]
        {
            (Types.TypeKind.Scalar, "SCALAR", "Indicates this type is a scalar."),
            (Types.TypeKind.Object, "OBJECT", "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
            (Types.TypeKind.Interface, "INTERFACE", "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."),
            (Types.TypeKind.Union, "UNION", "Indicates this type is a union. `possibleTypes` is a valid field."),
            (Types.TypeKind.Enum, "ENUM", "Indicates this type is an enum. `enumValues` is a valid field."),
            (Types.TypeKind.InputObject, "INPUT_OBJECT", "Indicates this type is an input object. `inputFields` is a valid field."),
            (Types.TypeKind.List, "LIST", "Indicates this type is a list. `ofType` is a valid field."),
            (Types.TypeKind.NonNull, "NON_NULL", "Indicates this type is a non-null. `ofType` is a valid field."),
        })
        {
            TypeKindEnum.Add(new EnumValue(name, kind, description));
        }

        DirectiveLocationEnum = new EnumType("__DirectiveLocation", "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            DirectiveLocationEnum.Add(new EnumValue(location.ToName(), location));
        }

        SchemaType = new ObjectType("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.");
        TypeType = new ObjectType("__Type", "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.");
        FieldType = new ObjectType("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.");
        InputValueType = new ObjectType("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.");
        EnumValueType = new ObjectType("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.");
        DirectiveType = new ObjectType("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.");

        var @string = Scalars.String;
        var nonNullString = new NonNullType(@string);
        var nonNullBoolean = new NonNullType(Scalars.Boolean);
        var type = new NonNullType(TypeType);
        var typeList = new ListType(type);

        Field(SchemaType, "description", @string, (Schema s, IResolverContext _) => s.Description);
        Field(SchemaType, "types", new NonNullType(typeList), (Schema s, IResolverContext _) => s.Types.Values, "A list of all types supported by this server.");
        Field(SchemaType, "queryType", type, (Schema s, IResolverContext _) => s.QueryType, "The type that query operations will be rooted at.");
        Field(SchemaType, "mutationType", TypeType, (Schema s, IResolverContext _) => s.MutationType, "If this server supports mutation, the type that mutation operations will be rooted at.");
        Field(SchemaType, "subscriptionType", TypeType, (Schema s, IResolverContext _) => s.SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at.");
        Field(SchemaType, "directives", new NonNullType(new ListType(new NonNullType(DirectiveType))), (Schema s, IResolverContext _) => s.Directives.Values, "A list of all directives supported by this server.");

        Field(TypeType, "kind", new NonNullType(TypeKindEnum), (GraphQLType t, IResolverContext _) => t.Kind);
        Field(TypeType, "name", @string, (GraphQLType t, IResolverContext _) => (t as NamedType)?.Name);
        Field(TypeType, "description", @string, (GraphQLType t, IResolverContext _) => (t as NamedType)?.Description);
        Field(TypeType, "specifiedByURL", @string, (GraphQLType t, IResolverContext _) => (t as ScalarType)?.SpecifiedByUrl);
        Field(TypeType, "fields", new ListType(new NonNullType(FieldType)), (GraphQLType t, IResolverContext c) =>
            t is ComplexType complex ? complex.Fields.Where(f => IncludeDeprecated(c) || !f.IsDeprecated).ToList() : null, includeDeprecated: true);
        Field(TypeType, "interfaces", typeList, (GraphQLType t, IResolverContext _) => (t as ComplexType)?.Interfaces);
        Field(TypeType, "possibleTypes", typeList, (GraphQLType t, IResolverContext c) => t.IsAbstractType ? c.Schema.GetPossibleTypes((NamedType)t) : null);
        Field(TypeType, "enumValues", new ListType(new NonNullType(EnumValueType)), (GraphQLType t, IResolverContext c) =>
            (t as EnumType)?.Values.Where(v => IncludeDeprecated(c) || !v.IsDeprecated).ToList(), includeDeprecated: true);
        Field(TypeType, "inputFields", new ListType(new NonNullType(InputValueType)), (GraphQLType t, IResolverContext c) =>
            (t as InputObjectType)?.Fields.Where(f => IncludeDeprecated(c) || !f.IsDeprecated).ToList(), includeDeprecated: true);
        Field(TypeType, "ofType", TypeType, (GraphQLType t, IResolverContext _) => t switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null });
        Field(TypeType, "isOneOf", Scalars.Boolean, (GraphQLType t, IResolverContext _) => t is InputObjectType i ? i.IsOneOf : null);

        Field(FieldType, "name", nonNullString, (OutputField f, IResolverContext _) => f.Name);
        Field(FieldType, "description", @string, (OutputField f, IResolverContext _) => f.Description);
        Field(FieldType, "args", new NonNullType(new ListType(new NonNullType(InputValueType))), (OutputField f, IResolverContext c) =>
            f.Arguments.Where(a => IncludeDeprecated(c) || !a.IsDeprecated).ToList(), includeDeprecated: true);
        Field(FieldType, "type", type, (OutputField f, IResolverContext _) => f.Type);
        Field(FieldType, "isDeprecated", nonNullBoolean, (OutputField f, IResolverContext _) => f.IsDeprecated);
        Field(FieldType, "deprecationReason", @string, (OutputField f, IResolverContext _) => f.DeprecationReason);

        Field(InputValueType, "name", nonNullString, (InputField f, IResolverContext _) => f.Name);
        Field(InputValueType, "description", @string, (InputField f, IResolverContext _) => f.Description);
        Field(InputValueType, "type", type, (InputField f, IResolverContext _) => f.Type);
        Field(InputValueType, "defaultValue", @string, (InputField f, IResolverContext _) => f.DefaultValue is null ? null : Printer.Print(f.DefaultValue),
            "A GraphQL-formatted string representing the default value for this input value.");
        Field(InputValueType, "isDeprecated", nonNullBoolean, (InputField f, IResolverContext _) => f.IsDeprecated);
        Field(InputValueType, "deprecationReason", @string, (InputField f, IResolverContext _) => f.DeprecationReason);

        Field(EnumValueType, "name", nonNullString, (EnumValue v, IResolverContext _) => v.Name);
        Field(EnumValueType, "description", @string, (EnumValue v, IResolverContext _) => v.Description);
        Field(EnumValueType, "isDeprecated", nonNullBoolean, (EnumValue v, IResolverContext _) => v.IsDeprecated);
        Field(EnumValueType, "deprecationReason", @string, (EnumValue v, IResolverContext _) => v.DeprecationReason);

        Field(DirectiveType, "name", nonNullString, (Types.DirectiveType d, IResolverContext _) => d.Name);
        Field(DirectiveType, "description", @string, (Types.DirectiveType d, IResolverContext _) => d.Description);
        Field(DirectiveType, "isRepeatable", nonNullBoolean, (Types.DirectiveType d, IResolverContext _) => d.IsRepeatable);
        Field(DirectiveType, "locations", new NonNullType(new ListType(new NonNullType(DirectiveLocationEnum))), (Types.DirectiveType d, IResolverContext _) => d.Locations);
        Field(DirectiveType, "args", new NonNullType(new ListType(new NonNullType(InputValueType))), (Types.DirectiveType d, IResolverContext c) =>
            d.Arguments.Where(a => IncludeDeprecated(c) || !a.IsDeprecated).ToList(), includeDeprecated: true);

        All = [SchemaType, TypeType, TypeKindEnum, FieldType, InputValueType, EnumValueType, DirectiveType, DirectiveLocationEnum];
        SchemaField = new OutputField("__schema", new NonNullType(SchemaType), "Access the current type schema of this server.")
        {
            Resolver = c => ValueTask.FromResult<object?>(c.Schema),
        };
        TypeField = new OutputField("__type", TypeType, "Request the type information of a single type.")
        {
            Resolver = c => ValueTask.FromResult<object?>(c.Schema.FindType((string)c.Arguments["name"]!)),
        };
        TypeField.Arguments.Add(new InputField("name", nonNullString));
        TypeNameField = new OutputField("__typename", nonNullString, "The name of the current Object type at runtime.")
        {
            Resolver = c => ValueTask.FromResult<object?>(c.ObjectType.Name),
        };
    }

    public static EnumType TypeKindEnum { get; }
    public static EnumType DirectiveLocationEnum { get; }
    public static ObjectType SchemaType { get; }
    public static ObjectType TypeType { get; }
    public static ObjectType FieldType { get; }
    public static ObjectType InputValueType { get; }
    public static ObjectType EnumValueType { get; }
    public static ObjectType DirectiveType { get; }

    /// <summary>The meta-fields <c>__schema</c> and <c>__type</c> of the query root, and <c>__typename</c> of every composite type.</summary>
    public static OutputField SchemaField { get; }
    public static OutputField TypeField { get; }
    public static OutputField TypeNameField { get; }

    public static IReadOnlyList<NamedType> All { get; }

    private static bool IncludeDeprecated(IResolverContext context) => context.Arguments.GetValueOrDefault("includeDeprecated") is true;

    private static void Field<TParent>(ObjectType owner, string name, GraphQLType type, Func<TParent, IResolverContext, object?> resolve, string? description = null, bool includeDeprecated = false)
    {
        var field = new OutputField(name, type, description)
        {
            Resolver = c => ValueTask.FromResult(resolve((TParent)c.Parent!, c)),
        };
        if (includeDeprecated)
        {
            field.Arguments.Add(new InputField("includeDeprecated", Scalars.Boolean) { DefaultValue = new BooleanValueNode(false) });
        }

        owner.Fields.Add(field);
    }
}
