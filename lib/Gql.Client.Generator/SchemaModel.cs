using System;
using System.Collections.Generic;
using System.Linq;
using Gql.Language.Ast;

namespace Gql.Client.Generator;

internal enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

internal sealed class FieldDef
{
    public FieldDef(string name, TypeNode type, IReadOnlyList<InputValueDefinitionNode> arguments, string? description, string? deprecationReason)
    {
        Name = name;
        Type = type;
        Arguments = arguments;
        Description = description;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }

    public TypeNode Type { get; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; }

    public string? Description { get; }

    public string? DeprecationReason { get; }
}

internal sealed class TypeDef
{
    public TypeDef(string name, TypeKind kind, string? description)
    {
        Name = name;
        Kind = kind;
        Description = description;
    }

    public string Name { get; }

    public TypeKind Kind { get; }

    public string? Description { get; }

    /// <summary>Output fields (objects, interfaces), by name in declaration order.</summary>
    public List<FieldDef> Fields { get; } = new List<FieldDef>();

    public Dictionary<string, FieldDef> FieldsByName { get; } = new Dictionary<string, FieldDef>(StringComparer.Ordinal);

    public List<string> Interfaces { get; } = new List<string>();

    /// <summary>Union members.</summary>
    public List<string> Members { get; } = new List<string>();

    public List<EnumValueDefinitionNode> EnumValues { get; } = new List<EnumValueDefinitionNode>();

    public List<InputValueDefinitionNode> InputFields { get; } = new List<InputValueDefinitionNode>();

    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    public bool IsInput => Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    public void AddField(FieldDef field)
    {
        if (!FieldsByName.ContainsKey(field.Name))
        {
            FieldsByName[field.Name] = field;
            Fields.Add(field);
        }
    }
}

/// <summary>The parts of a schema the client generator needs, read from SDL.</summary>
internal sealed class SchemaModel
{
    private static readonly string[] BuiltInScalars = { "Int", "Float", "String", "Boolean", "ID" };

    private readonly Dictionary<string, List<string>> possibleTypes = new Dictionary<string, List<string>>(StringComparer.Ordinal);

    private SchemaModel()
    {
    }

    public Dictionary<string, TypeDef> Types { get; } = new Dictionary<string, TypeDef>(StringComparer.Ordinal);

    public string? QueryType { get; private set; }

    public string? MutationType { get; private set; }

    public string? SubscriptionType { get; private set; }

    public static SchemaModel Build(IEnumerable<DocumentNode> documents)
    {
        var schema = new SchemaModel();
        foreach (var name in BuiltInScalars)
        {
            schema.Types[name] = new TypeDef(name, TypeKind.Scalar, null);
        }

        var all = documents.SelectMany(d => d.Definitions).ToList();
        foreach (var definition in all)
        {
            switch (definition)
            {
                case ObjectTypeDefinitionNode o:
                    schema.Add(o.Name.Value, TypeKind.Object, o.Description, o.Fields, o.Interfaces);
                    break;
                case InterfaceTypeDefinitionNode i:
                    schema.Add(i.Name.Value, TypeKind.Interface, i.Description, i.Fields, i.Interfaces);
                    break;
                case UnionTypeDefinitionNode u:
                    schema.Add(u.Name.Value, TypeKind.Union, u.Description, null, null).Members.AddRange(u.Types.Select(t => t.Name.Value));
                    break;
                case EnumTypeDefinitionNode e:
                    schema.Add(e.Name.Value, TypeKind.Enum, e.Description, null, null).EnumValues.AddRange(e.Values);
                    break;
                case InputObjectTypeDefinitionNode n:
                    schema.Add(n.Name.Value, TypeKind.InputObject, n.Description, null, null).InputFields.AddRange(n.Fields);
                    break;
                case ScalarTypeDefinitionNode s:
                    schema.Add(s.Name.Value, TypeKind.Scalar, s.Description, null, null);
                    break;
                case SchemaDefinitionNode d:
                    schema.SetRoots(d.OperationTypes);
                    break;
            }
        }

        foreach (var definition in all)
        {
            switch (definition)
            {
                case ObjectTypeExtensionNode o when schema.Types.TryGetValue(o.Name.Value, out var t):
                    AddFields(t, o.Fields);
                    t.Interfaces.AddRange(o.Interfaces.Select(i => i.Name.Value));
                    break;
                case InterfaceTypeExtensionNode i when schema.Types.TryGetValue(i.Name.Value, out var t):
                    AddFields(t, i.Fields);
                    t.Interfaces.AddRange(i.Interfaces.Select(x => x.Name.Value));
                    break;
                case UnionTypeExtensionNode u when schema.Types.TryGetValue(u.Name.Value, out var t):
                    t.Members.AddRange(u.Types.Select(x => x.Name.Value));
                    break;
                case EnumTypeExtensionNode e when schema.Types.TryGetValue(e.Name.Value, out var t):
                    t.EnumValues.AddRange(e.Values);
                    break;
                case InputObjectTypeExtensionNode n when schema.Types.TryGetValue(n.Name.Value, out var t):
                    t.InputFields.AddRange(n.Fields);
                    break;
                case SchemaExtensionNode s:
                    schema.SetRoots(s.OperationTypes);
                    break;
            }
        }

        schema.QueryType ??= schema.Types.ContainsKey("Query") ? "Query" : null;
        schema.MutationType ??= schema.Types.ContainsKey("Mutation") ? "Mutation" : null;
        schema.SubscriptionType ??= schema.Types.ContainsKey("Subscription") ? "Subscription" : null;

        foreach (var type in schema.Types.Values)
        {
            if (type.Kind == TypeKind.Object)
            {
                foreach (var i in type.Interfaces)
                {
                    schema.PossibleTypesList(i).Add(type.Name);
                }
            }
            else if (type.Kind == TypeKind.Union)
            {
                schema.PossibleTypesList(type.Name).AddRange(type.Members);
            }
        }

        return schema;
    }

    public TypeDef? Find(string name) => Types.TryGetValue(name, out var t) ? t : null;

    public string? RootTypeName(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types a composite type may be at run time, in name order.</summary>
    public IReadOnlyList<string> PossibleTypes(TypeDef type)
    {
        if (type.Kind == TypeKind.Object)
        {
            return new[] { type.Name };
        }

        return possibleTypes.TryGetValue(type.Name, out var list)
            ? list.Distinct(StringComparer.Ordinal).Where(n => Find(n)?.Kind == TypeKind.Object).OrderBy(n => n, StringComparer.Ordinal).ToList()
            : (IReadOnlyList<string>)Array.Empty<string>();
    }

    /// <summary>Whether every possible type of <paramref name="type"/> is also one of <paramref name="condition"/>.</summary>
    public bool Covers(TypeDef condition, TypeDef type)
    {
        if (condition.Name == type.Name)
        {
            return true;
        }

        var conditionTypes = new HashSet<string>(PossibleTypes(condition), StringComparer.Ordinal);
        var types = PossibleTypes(type);
        return types.Count > 0 && types.All(conditionTypes.Contains);
    }

    /// <summary>Whether the two composite types share a possible type (a fragment of one may be spread in the other).</summary>
    public bool Overlaps(TypeDef a, TypeDef b)
    {
        var set = new HashSet<string>(PossibleTypes(a), StringComparer.Ordinal);
        return PossibleTypes(b).Any(set.Contains);
    }

    public FieldDef? FindField(TypeDef type, string name)
    {
        if (name == "__typename" && type.IsComposite)
        {
            return TypeNameField;
        }

        return type.FieldsByName.TryGetValue(name, out var f) ? f : null;
    }

    public static readonly FieldDef TypeNameField = new FieldDef(
        "__typename",
        new NonNullTypeNode(new NamedTypeNode(new NameNode("String"))),
        Array.Empty<InputValueDefinitionNode>(),
        "The name of the object's type.",
        null);

    public static string NamedType(TypeNode type) => type switch
    {
        NonNullTypeNode n => NamedType(n.Type),
        ListTypeNode l => NamedType(l.Type),
        NamedTypeNode t => t.Name.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static void AddFields(TypeDef type, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var f in fields)
        {
            var deprecated = f.Directives.FirstOrDefault(d => d.Name.Value == "deprecated");
            string? reason = null;
            if (deprecated is not null)
            {
                reason = deprecated.Arguments.FirstOrDefault(a => a.Name.Value == "reason")?.Value is StringValueNode s ? s.Value : "No longer supported";
            }

            type.AddField(new FieldDef(f.Name.Value, f.Type, f.Arguments, f.Description?.Value, reason));
        }
    }

    private TypeDef Add(string name, TypeKind kind, StringValueNode? description, IReadOnlyList<FieldDefinitionNode>? fields, IReadOnlyList<NamedTypeNode>? interfaces)
    {
        if (!Types.TryGetValue(name, out var type))
        {
            type = new TypeDef(name, kind, description?.Value);
            Types[name] = type;
        }

        if (fields is not null)
        {
            AddFields(type, fields);
        }

        if (interfaces is not null)
        {
            type.Interfaces.AddRange(interfaces.Select(i => i.Name.Value));
        }

        return type;
    }

    private void SetRoots(IReadOnlyList<OperationTypeDefinitionNode> roots)
    {
        foreach (var root in roots)
        {
            switch (root.Operation)
            {
                case OperationType.Query:
                    QueryType = root.Type.Name.Value;
                    break;
                case OperationType.Mutation:
                    MutationType = root.Type.Name.Value;
                    break;
                default:
                    SubscriptionType = root.Type.Name.Value;
                    break;
            }
        }
    }

    private List<string> PossibleTypesList(string name)
    {
        if (!possibleTypes.TryGetValue(name, out var list))
        {
            list = new List<string>();
            possibleTypes[name] = list;
        }

        return list;
    }
}
