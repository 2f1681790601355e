using Gql.Server;
using Gql.Server.Types;

namespace Gql.Data;

/// <summary>What the operations of an operation filter input do, decided by the scalar or enum it filters.</summary>
internal enum OperationKind
{
    /// <summary><c>eq neq contains ncontains in nin startsWith nstartsWith endsWith nendsWith</c> and the case-insensitive ones.</summary>
    String,

    /// <summary><c>eq neq in nin gt ngt gte ngte lt nlt lte nlte</c>.</summary>
    Comparable,

    /// <summary><c>eq neq in nin</c> (enums, ids, other scalars).</summary>
    Equatable,

    /// <summary><c>eq neq</c>.</summary>
    Boolean,
}

/// <summary>An operation filter input (<c>StringOperationFilterInput</c>, <c>IntOperationFilterInput</c>, ...).</summary>
internal sealed record OperationFilterInfo(InputObjectType Type, OperationKind Kind);

/// <summary>A field of a <c>&lt;Type&gt;FilterInput</c>: the member it filters and how.</summary>
/// <param name="Member">The property.</param>
/// <param name="Operations">For leaves and leaf lists: the operation input of the (element) value.</param>
/// <param name="Nested">For objects and object lists: the filter input of the (element) type.</param>
internal sealed record FilterFieldInfo(DataMember Member, OperationFilterInfo? Operations, FilterTypeInfo? Nested);

/// <summary>A <c>&lt;Type&gt;FilterInput</c> and, by GraphQL field name, what its fields filter.</summary>
internal sealed class FilterTypeInfo(Type clrType, InputObjectType type)
{
    public Type ClrType { get; } = clrType;

    public InputObjectType Type { get; } = type;

    public Dictionary<string, FilterFieldInfo> Fields { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Makes the filter input types of Hot Chocolate's conventions, once per schema:
/// <c>&lt;Type&gt;FilterInput { and: [..!] or: [..!] &lt;field&gt;: &lt;Op&gt;OperationFilterInput | &lt;Nested&gt;FilterInput |
/// ListFilterInputTypeOf&lt;Nested&gt;FilterInput | List&lt;Op&gt;OperationFilterInput }</c>.
/// </summary>
internal static class FilterTypes
{
    public const string And = "and";
    public const string Or = "or";
    public const string All = "all";
    public const string None = "none";
    public const string Some = "some";
    public const string Any = "any";

    public static FilterTypeInfo For(DataTypeRegistry registry, Type clrType)
    {
        if (registry.FilterTypes.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        var input = new InputObjectType(registry.TypeName(clrType) + "FilterInput");
        var info = new FilterTypeInfo(clrType, input);
        registry.FilterTypes[clrType] = info;
        input.Fields.Add(new InputField(And, new ListType(new NonNullType(input))));
        input.Fields.Add(new InputField(Or, new ListType(new NonNullType(input))));

        var configuration = registry.Binding(clrType, "ConfigureFiltering", typeof(FilterConfiguration<>));
        var members = registry.Members(clrType);
        Check(configuration, clrType, members, "filter", "ConfigureFiltering");
        foreach (var member in members)
        {
            if (configuration is not null && !configuration.Allows(member.Property.Name))
            {
                continue;
            }

            FilterFieldInfo field;
            GraphQLType type;
            switch (member.Kind)
            {
                case DataMemberKind.Leaf:
                    var operations = Operations(registry, member.Named);
                    field = new FilterFieldInfo(member, operations, null);
                    type = operations.Type;
                    break;
                case DataMemberKind.LeafList:
                    var elementOperations = Operations(registry, member.Named);
                    field = new FilterFieldInfo(member, elementOperations, null);
                    type = ListInput(registry, "List" + elementOperations.Type.Name, elementOperations.Type);
                    break;
                case DataMemberKind.Object:
                    var nested = For(registry, member.ValueType);
                    field = new FilterFieldInfo(member, null, nested);
                    type = nested.Type;
                    break;
                default:
                    var element = For(registry, member.ValueType);
                    field = new FilterFieldInfo(member, null, element);
                    type = ListInput(registry, "ListFilterInputTypeOf" + element.Type.Name, element.Type);
                    break;
            }

            input.Fields.Add(new InputField(member.Name, type));
            info.Fields[member.Name] = field;
        }

        return info;
    }

    /// <summary>Fails the schema when a configuration names a property the type does not offer (hidden or not filterable).</summary>
    internal static void Check(IFieldBinding? configuration, Type clrType, IReadOnlyList<DataMember> members, string what, string method)
    {
        foreach (var name in configuration?.Included ?? [])
        {
            if (!members.Any(m => m.Property.Name == name))
            {
                throw new SchemaException([$"{method} of {clrType.Name} binds '{name}', which cannot be a {what} field: the object type does not expose it (ignored?), or it is not a scalar, enum, object or list."]);
            }
        }
    }

    private static InputObjectType ListInput(DataTypeRegistry registry, string name, InputObjectType element)
    {
        if (registry.ListTypes.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var list = new InputObjectType(name);
        registry.ListTypes[name] = list;
        list.Fields.Add(new InputField(All, element));
        list.Fields.Add(new InputField(None, element));
        list.Fields.Add(new InputField(Some, element));
        list.Fields.Add(new InputField(Any, Scalars.Boolean));
        return list;
    }

    /// <summary>The operation input of a scalar or enum type.</summary>
    public static OperationFilterInfo Operations(DataTypeRegistry registry, NamedType leaf)
    {
        var (prefix, kind) = leaf switch
        {
            EnumType e => (e.Name, OperationKind.Equatable),
            _ => leaf.Name switch
            {
                "String" => ("String", OperationKind.String),
                "Boolean" => ("Boolean", OperationKind.Boolean),
                "Int" or "Long" or "Float" or "Decimal" or "DateTime" or "Date" or "LocalTime" => (leaf.Name, OperationKind.Comparable),
                "UUID" => ("Uuid", OperationKind.Comparable),
                "ID" => ("Id", OperationKind.Equatable),
                _ => (leaf.Name, OperationKind.Equatable),
            },
        };
        var name = prefix + "OperationFilterInput";
        if (registry.OperationTypes.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var input = new InputObjectType(name);
        var info = new OperationFilterInfo(input, kind);
        registry.OperationTypes[name] = info;
        var list = new ListType(leaf is EnumType ? new NonNullType(leaf) : leaf);
        switch (kind)
        {
            case OperationKind.String:
                input.Fields.Add(new InputField(And, new ListType(new NonNullType(input))));
                input.Fields.Add(new InputField(Or, new ListType(new NonNullType(input))));
                input.Fields.Add(new InputField("eq", leaf));
                input.Fields.Add(new InputField("neq", leaf));
                input.Fields.Add(new InputField("contains", leaf));
                input.Fields.Add(new InputField("ncontains", leaf));
                input.Fields.Add(new InputField("in", list));
                input.Fields.Add(new InputField("nin", list));
                input.Fields.Add(new InputField("startsWith", leaf));
                input.Fields.Add(new InputField("nstartsWith", leaf));
                input.Fields.Add(new InputField("endsWith", leaf));
                input.Fields.Add(new InputField("nendsWith", leaf));
                input.Fields.Add(new InputField("ieq", leaf, "Case-insensitive eq (lower(field) in the database)."));
                input.Fields.Add(new InputField("icontains", leaf, "Case-insensitive contains (lower(field) in the database)."));
                input.Fields.Add(new InputField("istartsWith", leaf, "Case-insensitive startsWith (lower(field) in the database)."));
                input.Fields.Add(new InputField("iendsWith", leaf, "Case-insensitive endsWith (lower(field) in the database)."));
                break;
            case OperationKind.Boolean:
                input.Fields.Add(new InputField("eq", leaf));
                input.Fields.Add(new InputField("neq", leaf));
                break;
            case OperationKind.Equatable:
                input.Fields.Add(new InputField("eq", leaf));
                input.Fields.Add(new InputField("neq", leaf));
                input.Fields.Add(new InputField("in", list));
                input.Fields.Add(new InputField("nin", list));
                break;
            default:
                input.Fields.Add(new InputField("eq", leaf));
                input.Fields.Add(new InputField("neq", leaf));
                input.Fields.Add(new InputField("in", list));
                input.Fields.Add(new InputField("nin", list));
                foreach (var op in new[] { "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
                {
                    input.Fields.Add(new InputField(op, leaf));
                }

                break;
        }

        return info;
    }
}
