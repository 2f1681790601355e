using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL (schema-first), with resolvers bound by type and field name; unbound fields
/// read the parent's member of the same name. The code-first builder produces the same model.
/// </summary>
public static class SchemaBuilder
{
    public static Schema FromSdl(string sdl, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldResolver>>? resolvers = null, IReadOnlyDictionary<string, ScalarType>? scalars = null)
    {
        var document = Parser.Parse(sdl);
        var definitions = new Dictionary<string, TypeDefinitionNode>(StringComparer.Ordinal);
        var extensions = new List<TypeExtensionNode>();
        var directiveDefinitions = new List<DirectiveDefinitionNode>();
        SchemaDefinitionNode? schemaDefinition = null;
        var errors = new List<string>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode t when !definitions.TryAdd(t.Name.Value, t):
                    errors.Add($"There can be only one type named \"{t.Name.Value}\".");
                    break;
                case TypeExtensionNode e:
                    extensions.Add(e);
                    break;
                case DirectiveDefinitionNode d:
                    directiveDefinitions.Add(d);
                    break;
                case SchemaDefinitionNode s:
                    if (schemaDefinition is not null)
                    {
                        errors.Add("Must provide only one schema definition.");
                    }

                    schemaDefinition = s;
                    break;
                case ExecutableDefinitionNode:
                    errors.Add("The SDL must not contain executable definitions.");
                    break;
            }
        }

        if (errors.Count > 0)
        {
            throw new SchemaException(errors);
        }

        var types = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var scalar in Scalars.Specified.Concat(Scalars.Extended))
        {
            types[scalar.Name] = scalar;
        }

        foreach (var (name, scalar) in scalars ?? new Dictionary<string, ScalarType>())
        {
            types[name] = scalar;
        }

        // First create every named type empty, so fields can refer to types defined later in the document.
        foreach (var definition in definitions.Values)
        {
            var description = definition.Description?.Value;
            NamedType type = definition switch
            {
                ObjectTypeDefinitionNode => new ObjectType(definition.Name.Value, description),
                InterfaceTypeDefinitionNode => new InterfaceType(definition.Name.Value, description),
                UnionTypeDefinitionNode => new UnionType(definition.Name.Value, description),
                EnumTypeDefinitionNode => new EnumType(definition.Name.Value, description),
                InputObjectTypeDefinitionNode => new InputObjectType(definition.Name.Value, description),
                ScalarTypeDefinitionNode when types.TryGetValue(definition.Name.Value, out var known) => known,
                ScalarTypeDefinitionNode => new SdlScalar(definition.Name.Value, description)
                {
                    SpecifiedByUrl = definition.Directives.FirstOrDefault(d => d.Name.Value == "specifiedBy")?.Arguments.FirstOrDefault(a => a.Name.Value == "url")?.Value is StringValueNode url ? url.Value : null,
                },
                _ => throw new SchemaException([$"Unsupported definition {definition.Kind}."]),
            };
            types[definition.Name.Value] = type;
        }

        GraphQLType Ref(TypeNode node) => node switch
        {
            NonNullTypeNode nn => new NonNullType(Ref(nn.Type)),
            ListTypeNode l => new ListType(Ref(l.Type)),
            NamedTypeNode n => types.TryGetValue(n.Name.Value, out var t) ? t : throw new SchemaException([$"Unknown type \"{n.Name.Value}\"."]),
            _ => throw new InvalidOperationException(),
        };

        InputField Input(InputValueDefinitionNode node) => new(node.Name.Value, Ref(node.Type), node.Description?.Value)
        {
            DefaultValue = node.DefaultValue,
            DeprecationReason = Deprecation(node.Directives),
        };

        void AddFields(ComplexType type, IEnumerable<FieldDefinitionNode> fields, IEnumerable<NamedTypeNode> interfaces)
        {
            foreach (var i in interfaces)
            {
                type.Interfaces.Add(Ref(i) as InterfaceType ?? throw new SchemaException([$"Type {type.Name} can only implement interfaces, not {i.Name.Value}."]));
            }

            var bound = resolvers?.GetValueOrDefault(type.Name);
            foreach (var node in fields)
            {
                var field = new OutputField(node.Name.Value, Ref(node.Type), node.Description?.Value)
                {
                    DeprecationReason = Deprecation(node.Directives),
                    Resolver = bound?.GetValueOrDefault(node.Name.Value),
                };
                foreach (var argument in node.Arguments)
                {
                    field.Arguments.Add(Input(argument));
                }

                foreach (var directive in node.Directives.Where(d => Authorization.AuthorizationDirectives.IsAuthorizationDirective(d.Name.Value)))
                {
                    // Kept so the executor enforces them (and the printer shows them); other field directives are not modelled.
                    field.Directives.Add(new AppliedDirective(directive.Name.Value, directive.Arguments.ToDictionary(a => a.Name.Value, a => a.Value)));
                }

                type.Fields.Add(field);
            }
        }

        void Apply(NamedType type, SyntaxNode node)
        {
            switch (type, node)
            {
                case (ComplexType c, ObjectTypeDefinitionNode o):
                    AddFields(c, o.Fields, o.Interfaces);
                    break;
                case (ComplexType c, ObjectTypeExtensionNode o):
                    AddFields(c, o.Fields, o.Interfaces);
                    break;
                case (ComplexType c, InterfaceTypeDefinitionNode i):
                    AddFields(c, i.Fields, i.Interfaces);
                    break;
                case (ComplexType c, InterfaceTypeExtensionNode i):
                    AddFields(c, i.Fields, i.Interfaces);
                    break;
                case (UnionType u, UnionTypeDefinitionNode d):
                    u.Types.AddRange(d.Types.Select(t => Ref(t) as ObjectType ?? throw new SchemaException([$"Union type {u.Name} can only include Object types, it cannot include {t.Name.Value}."])));
                    break;
                case (UnionType u, UnionTypeExtensionNode d):
                    u.Types.AddRange(d.Types.Select(t => Ref(t) as ObjectType ?? throw new SchemaException([$"Union type {u.Name} can only include Object types, it cannot include {t.Name.Value}."])));
                    break;
                case (EnumType e, EnumTypeDefinitionNode d):
                    d.Values.ToList().ForEach(v => e.Add(new EnumValue(v.Name.Value, null, v.Description?.Value) { DeprecationReason = Deprecation(v.Directives) }));
                    break;
                case (EnumType e, EnumTypeExtensionNode d):
                    d.Values.ToList().ForEach(v => e.Add(new EnumValue(v.Name.Value, null, v.Description?.Value) { DeprecationReason = Deprecation(v.Directives) }));
                    break;
                case (InputObjectType i, InputObjectTypeDefinitionNode d):
                    i.IsOneOf = d.Directives.Any(x => x.Name.Value == "oneOf");
                    d.Fields.ToList().ForEach(f => i.Fields.Add(Input(f)));
                    break;
                case (InputObjectType i, InputObjectTypeExtensionNode d):
                    i.IsOneOf |= d.Directives.Any(x => x.Name.Value == "oneOf");
                    d.Fields.ToList().ForEach(f => i.Fields.Add(Input(f)));
                    break;
                case (ScalarType, _):
                    break;
                default:
                    throw new SchemaException([$"Cannot extend type \"{type.Name}\" with a {node.Kind} definition."]);
            }

            var directives = node switch { TypeDefinitionNode d => d.Directives, TypeExtensionNode e => e.Directives, _ => [] };
            foreach (var directive in directives.Where(d => d.Name.Value is not ("deprecated" or "oneOf" or "specifiedBy")))
            {
                type.Directives.Add(new AppliedDirective(directive.Name.Value, directive.Arguments.ToDictionary(a => a.Name.Value, a => a.Value)));
            }
        }

        foreach (var definition in definitions.Values)
        {
            Apply(types[definition.Name.Value], definition);
        }

        foreach (var extension in extensions)
        {
            if (!types.TryGetValue(extension.Name.Value, out var type))
            {
                throw new SchemaException([$"Cannot extend type \"{extension.Name.Value}\" because it is not defined."]);
            }

            Apply(type, extension);
        }

        var directiveTypes = directiveDefinitions.Select(d =>
        {
            var directive = new DirectiveType(d.Name.Value, d.Locations.Select(l => DirectiveLocations.TryParse(l.Value, out var loc) ? loc : throw new SchemaException([$"Unknown directive location \"{l.Value}\"."])), d.Description?.Value, d.Repeatable);
            d.Arguments.ToList().ForEach(a => directive.Arguments.Add(Input(a)));
            return directive;
        }).ToList();

        ObjectType? Root(OperationType operation, string defaultName)
        {
            var named = schemaDefinition?.OperationTypes.FirstOrDefault(o => o.Operation == operation)?.Type.Name.Value;
            if (schemaDefinition is not null && named is null)
            {
                return null;
            }

            return types.GetValueOrDefault(named ?? defaultName) switch
            {
                ObjectType o => o,
                null when named is null => null,
                _ => throw new SchemaException([$"The {operation.ToString().ToLowerInvariant()} root type must be an Object type."]),
            };
        }

        var query = Root(OperationType.Query, "Query") ?? throw new SchemaException(["Query root type must be provided."]);
        return Schema.Create(
            query,
            Root(OperationType.Mutation, "Mutation"),
            Root(OperationType.Subscription, "Subscription"),
            definitions.Keys.Select(k => types[k]),
            directiveTypes,
            schemaDefinition?.Description?.Value);
    }

    private static string? Deprecation(IEnumerable<DirectiveNode> directives)
    {
        var deprecated = directives.FirstOrDefault(d => d.Name.Value == "deprecated");
        if (deprecated is null)
        {
            return null;
        }

        return deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value is StringValueNode s ? s.Value : "No longer supported";
    }

    /// <summary>A custom scalar declared in SDL with no implementation: values pass through as JSON gives them.</summary>
    private sealed class SdlScalar(string name, string? description) : ScalarType(name, description)
    {
        public override Type RuntimeType => typeof(object);

        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => value;

        public override object ParseLiteral(ValueNode literal) => Execution.ValueCoercion.LiteralToObject(literal);

        public override ValueNode ToLiteral(object value) => Execution.ValueCoercion.ObjectToLiteral(value);
    }
}
