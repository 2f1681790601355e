using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server;

/// <summary>
/// Prints a schema as SDL the way graphql-js's <c>printSchema</c> does (through the language printer), leaving out
/// the specified scalars, the built-in directives and introspection types. Types are sorted by name so the output
/// is stable for snapshots and diffs.
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema) => Printer.Print(ToDocument(schema));

    public static DocumentNode ToDocument(Schema schema)
    {
        var definitions = new List<DefinitionNode>();
        var standardRoots = schema.QueryType.Name == "Query"
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (!standardRoots || schema.Description is not null || schema.AppliedDirectives.Count > 0)
        {
            var roots = new List<OperationTypeDefinitionNode> { Root(OperationType.Query, schema.QueryType) };
            if (schema.MutationType is not null)
            {
                roots.Add(Root(OperationType.Mutation, schema.MutationType));
            }

            if (schema.SubscriptionType is not null)
            {
                roots.Add(Root(OperationType.Subscription, schema.SubscriptionType));
            }

            definitions.Add(new SchemaDefinitionNode(Description(schema.Description), Applied(schema.AppliedDirectives), roots));
        }

        foreach (var directive in schema.Directives.Values.Where(d => !d.IsBuiltIn).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            definitions.Add(new DirectiveDefinitionNode(Description(directive.Description), new NameNode(directive.Name), Inputs(directive.Arguments), directive.IsRepeatable, directive.Locations.Select(l => new NameNode(l.ToName())).ToList()));
        }

        foreach (var type in schema.Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal) || type is ScalarType { IsSpecified: true })
            {
                continue;
            }

            definitions.Add(Type(type));
        }

        return new DocumentNode(definitions);
    }

    private static DefinitionNode Type(NamedType type)
    {
        var description = Description(type.Description);
        var name = new NameNode(type.Name);
        var directives = Applied(type.Directives);
        return type switch
        {
            ScalarType s => new ScalarTypeDefinitionNode(description, name, s.SpecifiedByUrl is null ? directives : [.. directives, Directive("specifiedBy", ("url", new StringValueNode(s.SpecifiedByUrl, false)))]),
            ObjectType o => new ObjectTypeDefinitionNode(description, name, Interfaces(o), directives, Fields(o)),
            InterfaceType i => new InterfaceTypeDefinitionNode(description, name, Interfaces(i), directives, Fields(i)),
            UnionType u => new UnionTypeDefinitionNode(description, name, directives, u.Types.Select(t => new NamedTypeNode(new NameNode(t.Name))).ToList()),
            EnumType e => new EnumTypeDefinitionNode(description, name, directives, e.Values.Select(v => new EnumValueDefinitionNode(Description(v.Description), new NameNode(v.Name), Deprecation(v.DeprecationReason, Applied(v.Directives)))).ToList()),
            InputObjectType i => new InputObjectTypeDefinitionNode(description, name, i.IsOneOf ? [.. directives, Directive("oneOf")] : directives, Inputs(i.Fields)),
            _ => throw new InvalidOperationException($"Cannot print {type.Kind}."),
        };
    }

    private static List<NamedTypeNode> Interfaces(ComplexType type) => type.Interfaces.Select(i => new NamedTypeNode(new NameNode(i.Name))).ToList();

    private static List<FieldDefinitionNode> Fields(ComplexType type) =>
        type.Fields.Select(f => new FieldDefinitionNode(Description(f.Description), new NameNode(f.Name), Inputs(f.Arguments), TypeNode(f.Type), Deprecation(f.DeprecationReason, Applied(f.Directives)))).ToList();

    private static List<InputValueDefinitionNode> Inputs(FieldArguments arguments) =>
        arguments.Select(a => new InputValueDefinitionNode(Description(a.Description), new NameNode(a.Name), TypeNode(a.Type), a.DefaultValue, Deprecation(a.DeprecationReason, Applied(a.Directives)))).ToList();

    public static TypeNode TypeNode(GraphQLType type) => type switch
    {
        NonNullType nn => new NonNullTypeNode(TypeNode(nn.OfType)),
        ListType l => new ListTypeNode(TypeNode(l.OfType)),
        _ => new NamedTypeNode(new NameNode(((NamedType)type).Name)),
    };

    private static OperationTypeDefinitionNode Root(OperationType operation, ObjectType type) => new(operation, new NamedTypeNode(new NameNode(type.Name)));

    private static StringValueNode? Description(string? description) =>
        description is null ? null : new StringValueNode(description, BlockString.IsPrintableAsBlockString(description));

    private static List<DirectiveNode> Applied(IEnumerable<AppliedDirective> directives) =>
        directives.Select(d => new DirectiveNode(new NameNode(d.Name), d.Arguments.Select(a => new ArgumentNode(new NameNode(a.Key), a.Value)).ToList())).ToList();

    private static List<DirectiveNode> Deprecation(string? reason, List<DirectiveNode> directives)
    {
        if (reason is null)
        {
            return directives;
        }

        directives.Add(reason == "No longer supported" ? Directive("deprecated") : Directive("deprecated", ("reason", new StringValueNode(reason, false))));
        return directives;
    }

    private static DirectiveNode Directive(string name, params (string Name, ValueNode Value)[] arguments) =>
        new(new NameNode(name), arguments.Select(a => new ArgumentNode(new NameNode(a.Name), a.Value)).ToList());
}
