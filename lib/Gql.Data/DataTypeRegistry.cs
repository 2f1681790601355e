using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Gql.Server;
using Gql.Server.Types;

namespace Gql.Data;

/// <summary>What a property of an entity is to filtering and sorting.</summary>
internal enum DataMemberKind
{
    /// <summary>A scalar or enum value.</summary>
    Leaf,

    /// <summary>A nested object (a reference navigation or an owned/complex type).</summary>
    Object,

    /// <summary>A collection of scalars or enums.</summary>
    LeafList,

    /// <summary>A collection of objects (a collection navigation).</summary>
    ObjectList,
}

/// <summary>A filterable/sortable property: its GraphQL field name, kind, GraphQL type and CLR value type.</summary>
/// <param name="Property">The CLR property, read with <c>Expression.Property</c>.</param>
/// <param name="Name">The GraphQL field name, as the object type names it.</param>
/// <param name="Kind">Leaf, object or list.</param>
/// <param name="Named">The scalar or enum type (leaves), the object type (objects), of the element for lists.</param>
/// <param name="IsNullable">Whether the property's value may be null (Nullable&lt;T&gt; or a nullable reference).</param>
/// <param name="ValueType">The property's type; for lists the element type.</param>
/// <param name="ElementIsNullable">For lists: whether elements may be null.</param>
internal sealed record DataMember(PropertyInfo Property, string Name, DataMemberKind Kind, NamedType Named, bool IsNullable, Type ValueType, bool ElementIsNullable);

/// <summary>
/// Per schema builder: the filter, operation, list and sort input types made so far (so each exists once per schema,
/// and recursive models terminate), and the filterable members of each CLR type.
/// </summary>
internal sealed class DataTypeRegistry
{
    private static readonly ConditionalWeakTable<CodeFirstSchemaBuilder, DataTypeRegistry> Registries = new();

    private readonly NullabilityInfoContext nullability = new();
    private readonly Dictionary<Type, IReadOnlyList<DataMember>> members = [];

    private DataTypeRegistry(CodeFirstSchemaBuilder builder) => Builder = builder;

    public CodeFirstSchemaBuilder Builder { get; }

    /// <summary>The assemblies searched for <c>[ObjectType&lt;T&gt;]</c> classes (the API's, from the resolvers seen).</summary>
    public List<Assembly> Assemblies { get; } = [];

    public Dictionary<Type, FilterTypeInfo> FilterTypes { get; } = [];

    public Dictionary<string, OperationFilterInfo> OperationTypes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, InputObjectType> ListTypes { get; } = new(StringComparer.Ordinal);

    public Dictionary<Type, SortTypeInfo> SortTypes { get; } = [];

    public EnumType? SortEnum { get; set; }

    public static DataTypeRegistry For(FieldConfigurationContext context)
    {
        var registry = Registries.GetValue(context.Builder, static b => new DataTypeRegistry(b));
        var assembly = context.Member.DeclaringType?.Assembly;
        if (assembly is not null && !registry.Assemblies.Contains(assembly))
        {
            registry.Assemblies.Add(assembly);
        }

        return registry;
    }

    /// <summary>The GraphQL name of the object type of <paramref name="type"/> (after <c>ObjectTypeConfiguration.Name</c>).</summary>
    public string TypeName(Type type) => Builder.Output(type, null).Named.Name;

    /// <summary>
    /// The binding a static <paramref name="method"/> (<c>ConfigureFiltering</c>, <c>ConfigureSorting</c>) of the type's
    /// <c>[ObjectType&lt;T&gt;]</c> classes sets up, or null (bind implicitly) when there is none.
    /// </summary>
    public IFieldBinding? Binding(Type type, string method, Type configurationDefinition) =>
        Assemblies.Append(type.Assembly).Distinct()
            .Select(a => DataExtensions.Configuration(a, type, method, configurationDefinition))
            .OfType<IFieldBinding>()
            .FirstOrDefault();

    /// <summary>The public readable properties of <paramref name="type"/> that are fields of its object type, classified.</summary>
    public IReadOnlyList<DataMember> Members(Type type)
    {
        if (members.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in Assemblies.Append(type.Assembly).Distinct())
        {
            ignored.UnionWith(DataExtensions.ObjectIgnored(assembly, type));
        }

        var result = new List<DataMember>();
        members[type] = result;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || ignored.Contains(property.Name)
                || property.GetCustomAttribute<GraphQLIgnoreAttribute>() is not null || Classify(property) is not { } member)
            {
                continue;
            }

            result.Add(member);
        }

        return result;
    }

    private DataMember? Classify(PropertyInfo property)
    {
        var clr = property.PropertyType;
        if (clr == typeof(byte[]) || typeof(IDictionary).IsAssignableFrom(clr) || (clr.IsGenericType && clr.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>))))
        {
            return null;
        }

        var info = nullability.Create(property);
        var nullable = Nullable.GetUnderlyingType(clr) is not null || (!clr.IsValueType && info.ReadState == NullabilityState.Nullable);

        // The object type of the declaring type already made these types: this only looks them up.
        var type = Builder.Output(clr, info).Nullable;
        var name = Naming.FieldName(property);
        if (type is ListType list)
        {
            if (list.OfType.Nullable is ListType || CodeFirstSchemaBuilder.ElementType(clr) is not { } element)
            {
                return null;
            }

            var elementNullable = Nullable.GetUnderlyingType(element) is not null || !list.OfType.IsNonNull;
            return list.Named switch
            {
                ScalarType or EnumType => new DataMember(property, name, DataMemberKind.LeafList, list.Named, nullable, element, elementNullable),
                ComplexType when Nullable.GetUnderlyingType(element) is null => new DataMember(property, name, DataMemberKind.ObjectList, list.Named, nullable, element, elementNullable),
                _ => null,
            };
        }

        return type switch
        {
            ScalarType or EnumType => new DataMember(property, name, DataMemberKind.Leaf, (NamedType)type, nullable, clr, false),
            ComplexType complex when Nullable.GetUnderlyingType(clr) is null => new DataMember(property, name, DataMemberKind.Object, complex, nullable, clr, false),
            _ => null,
        };
    }

    private static int Depth(Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);
}

/// <summary>
/// Finds the <c>[ObjectType&lt;T&gt;]</c> classes of an assembly (once per assembly) and what their static
/// <c>Configure</c>, <c>ConfigureFiltering</c> and <c>ConfigureSorting</c> methods say (once per assembly and type).
/// </summary>
internal static class DataExtensions
{
    private static readonly ConcurrentDictionary<Assembly, ILookup<Type, Type>> ByAssembly = new();
    private static readonly ConcurrentDictionary<(Assembly, Type), HashSet<string>> Ignored = new();
    private static readonly ConcurrentDictionary<(Assembly, Type, string), object?> Configurations = new();

    /// <summary>Properties that <c>ObjectTypeConfiguration&lt;X&gt;.Ignore</c> leaves out, for X = the type and its bases.</summary>
    public static HashSet<string> ObjectIgnored(Assembly assembly, Type type) =>
        Ignored.GetOrAdd((assembly, type), static key =>
        {
            var (assembly, type) = key;
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in Extensions(assembly).Where(g => g.Key.IsAssignableFrom(type)))
            {
                var configurationType = typeof(ObjectTypeConfiguration<>).MakeGenericType(group.Key);
                foreach (var extension in group)
                {
                    var configure = extension.GetMethod("Configure", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [configurationType]);
                    if (configure is null)
                    {
                        continue;
                    }

                    var configuration = Activator.CreateInstance(configurationType)!;
                    configure.Invoke(null, [configuration]);
                    result.UnionWith((IReadOnlyCollection<string>)configurationType.GetProperty(nameof(ObjectTypeConfiguration<object>.IgnoredProperties))!.GetValue(configuration)!);
                }
            }

            return result;
        });

    /// <summary>
    /// A fresh <paramref name="configurationDefinition"/> (FilterConfiguration&lt;&gt; or SortConfiguration&lt;&gt;) of the type,
    /// passed to every static <paramref name="method"/> of the type's extension classes; null when there is none.
    /// </summary>
    public static object? Configuration(Assembly assembly, Type type, string method, Type configurationDefinition) =>
        Configurations.GetOrAdd((assembly, type, method), key =>
        {
            var (assembly, type, method) = key;
            var configurationType = configurationDefinition.IsGenericTypeDefinition ? configurationDefinition.MakeGenericType(type) : configurationDefinition;
            object? configuration = null;
            foreach (var extension in Extensions(assembly)[type])
            {
                var configure = extension.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [configurationType]);
                if (configure is null)
                {
                    continue;
                }

                configuration ??= Activator.CreateInstance(configurationType)!;
                configure.Invoke(null, [configuration]);
            }

            return configuration;
        });

    private static ILookup<Type, Type> Extensions(Assembly assembly) =>
        ByAssembly.GetOrAdd(assembly, static a =>
        {
            Type?[] types;
            try
            {
                types = a.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }

            return types.OfType<Type>()
                .SelectMany(t => t.GetCustomAttributes(false)
                    .Select(attribute => attribute.GetType())
                    .Where(at => at.IsGenericType && at.GetGenericTypeDefinition() == typeof(ObjectTypeAttribute<>))
                    .Select(at => (Extended: at.GetGenericArguments()[0], Extension: t)))
                .OrderBy(p => p.Extension.FullName, StringComparer.Ordinal)
                .ToLookup(p => p.Extended, p => p.Extension);
        });
}
